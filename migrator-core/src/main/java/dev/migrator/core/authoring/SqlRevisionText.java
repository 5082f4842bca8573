package dev.migrator.core.authoring;

/**
 * The text of a new SQL revision file: the header filled in and empty sections. An empty
 * upgrade section does not load on purpose (except in a merge revision): a skeleton that
 * was never filled in must not be applied as a change that does nothing.
 */
final class SqlRevisionText {

	private SqlRevisionText() {
	}

	static String of(NewRevision revision) {
		StringBuilder text = new StringBuilder();
		text.append("-- migrator:revision ").append(revision.id()).append('\n');
		if (!revision.revises().isEmpty()) {
			text.append("-- migrator:revises ").append(String.join(", ", revision.revises())).append('\n');
		}
		if (!revision.message().isEmpty()) {
			text.append("-- migrator:message ").append(revision.message()).append('\n');
		}
		revision.branchLabel().ifPresent((l) -> text.append("-- migrator:branch-labels ").append(l).append('\n'));
		if (!revision.dependsOn().isEmpty()) {
			text.append("-- migrator:depends-on ").append(String.join(", ", revision.dependsOn())).append('\n');
		}
		text.append("-- migrator:upgrade\n");
		if (revision.revises().size() > 1) {
			text.append("-- Joins ")
				.append(String.join(" and ", revision.revises()))
				.append(". A merge may change nothing.\n");
		}
		text.append("\n-- migrator:downgrade\n\n");
		return text.toString();
	}

}

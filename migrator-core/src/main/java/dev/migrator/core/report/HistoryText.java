package dev.migrator.core.report;

import dev.migrator.core.script.Revision;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Revisions one per line, oldest first, as Alembic's {@code history} prints them:
 *
 * <pre>
 * base -> 0001_init, create users
 * 0001_init -> 0002_add_email (head), add email
 * (0002_a, 0002_b) -> 0003_merge (head)
 * repeatable -> R__views, reporting views
 * </pre>
 *
 * @param revisions the revisions, in the order to print
 * @param heads the heads of the graph, marked {@code (head)}
 */
public record HistoryText(List<Revision> revisions, List<Revision> heads) implements Report {

	public HistoryText {
		revisions = List.copyOf(revisions);
		heads = List.copyOf(heads);
	}

	@Override
	public String text() {
		if (this.revisions.isEmpty()) {
			return Lines.of(List.of("No revisions."));
		}
		Set<String> headIds = this.heads.stream().map(Revision::id).collect(Collectors.toSet());
		return Lines.of(this.revisions.stream().map((revision) -> line(revision, headIds)).toList());
	}

	private static String line(Revision revision, Set<String> headIds) {
		String parents = revision.repeatable() ? "repeatable"
				: revision.isRoot() ? "base" : String.join(", ", revision.revises());
		if (revision.isMerge()) {
			parents = "(" + parents + ")";
		}
		return parents + " -> " + revision.id() + (headIds.contains(revision.id()) ? " (head)" : "")
				+ (revision.message().isEmpty() ? "" : ", " + revision.message());
	}

}

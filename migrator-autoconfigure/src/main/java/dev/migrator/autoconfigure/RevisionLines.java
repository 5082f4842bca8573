package dev.migrator.autoconfigure;

import dev.migrator.core.script.Revision;

import java.io.PrintStream;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Prints revisions one per line, as Alembic does:
 * {@code 0001_init -> 0002_add_email (head), add email}.
 */
final class RevisionLines {

	private final PrintStream out;

	RevisionLines(PrintStream out) {
		this.out = out;
	}

	void heads(List<Revision> heads) {
		for (Revision head : heads) {
			this.out.println(head.id() + " (head)" + message(head));
		}
	}

	void history(List<Revision> revisions, List<Revision> heads) {
		Set<String> headIds = heads.stream().map(Revision::id).collect(Collectors.toSet());
		for (Revision revision : revisions) {
			String parents = revision.isRoot() ? "base" : String.join(", ", revision.revises());
			if (revision.isMerge()) {
				parents = "(" + parents + ")";
			}
			this.out.println(parents + " -> " + revision.id() + (headIds.contains(revision.id()) ? " (head)" : "")
					+ message(revision));
		}
	}

	private static String message(Revision revision) {
		return revision.message().isEmpty() ? "" : ", " + revision.message();
	}

}

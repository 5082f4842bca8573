package dev.migrator.core.lint;

import dev.migrator.core.script.Revision;

import java.util.Optional;

/**
 * Turns a revision into the statements the linter reads: the seam between where revisions
 * come from (SQL files today, the operations of Java migrations once they can be
 * recorded) and the rules, which see only statements.
 */
@FunctionalInterface
public interface StatementSource {

	/**
	 * The revision's upgrade statements; empty when this source cannot read that kind of
	 * revision.
	 */
	Optional<LintInput> read(Revision revision);

	/** This source, and where it reads nothing, the other one. */
	default StatementSource orElse(StatementSource other) {
		return (revision) -> read(revision).or(() -> other.read(revision));
	}

}

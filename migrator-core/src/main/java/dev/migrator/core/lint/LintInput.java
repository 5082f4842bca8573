package dev.migrator.core.lint;

import dev.migrator.core.script.Revision;

import java.util.List;
import java.util.Objects;

/**
 * What the linter reads of one revision: the revision (for its id, phase, whether it is
 * transactional and its file) and the statements its upgrade runs, in order.
 */
public record LintInput(Revision revision, List<LintStatement> statements) {

	public LintInput {
		Objects.requireNonNull(revision, "revision");
		statements = List.copyOf(statements);
	}

	/** The file or class the revision comes from, as findings name it. */
	public String file() {
		return this.revision.origin().location();
	}

}

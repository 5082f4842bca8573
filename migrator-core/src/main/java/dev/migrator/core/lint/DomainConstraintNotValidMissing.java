package dev.migrator.core.lint;

import dev.migrator.core.lint.ClassifiedStatement.AddDomainConstraint;
import dev.migrator.core.script.LintRule;

import java.util.List;

/**
 * {@code domain-constraint-not-valid-missing}: a constraint added to a domain without
 * {@code NOT VALID}, which checks every column of every table that uses the domain.
 */
final class DomainConstraintNotValidMissing implements Rule {

	@Override
	public LintRule rule() {
		return LintRule.DOMAIN_CONSTRAINT_NOT_VALID_MISSING;
	}

	@Override
	public boolean longLock() {
		return true;
	}

	@Override
	public List<Violation> check(StatementContext context) {
		if (context.statement() instanceof AddDomainConstraint add && !add.notValid()) {
			return List.of(new Violation("ALTER DOMAIN " + add.domain() + " ADD CONSTRAINT without NOT VALID checks "
					+ "every row of every table with a column of that domain, holding a lock that blocks writes to "
					+ "each of them for the whole scan",
					"ALTER DOMAIN " + add.domain() + " ADD CONSTRAINT ... NOT VALID (new values are checked from "
							+ "then on), then VALIDATE CONSTRAINT in a later revision."));
		}
		return List.of();
	}

}

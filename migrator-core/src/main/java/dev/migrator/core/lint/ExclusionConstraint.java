package dev.migrator.core.lint;

import dev.migrator.core.lint.ClassifiedStatement.AlterTable;
import dev.migrator.core.lint.TableAction.AddConstraint;
import dev.migrator.core.lint.TableAction.ConstraintKind;
import dev.migrator.core.script.LintRule;

import java.util.Optional;

/**
 * {@code exclusion-constraint}: an exclusion constraint added to an existing table. It
 * builds its index inside the ALTER TABLE and has neither a NOT VALID nor a USING INDEX
 * form, so no safe two-step way exists.
 */
final class ExclusionConstraint implements ExistingTableActionRule {

	@Override
	public LintRule rule() {
		return LintRule.EXCLUSION_CONSTRAINT;
	}

	@Override
	public boolean longLock() {
		return true;
	}

	@Override
	public Optional<Violation> check(AlterTable alter, TableAction action, StatementContext context) {
		if (!(action instanceof AddConstraint add) || add.kind() != ConstraintKind.EXCLUDE) {
			return Optional.empty();
		}
		return Optional.of(new Violation(
				"ADD CONSTRAINT ... EXCLUDE on the existing table " + alter.table()
						+ " builds its index and checks every row under an ACCESS EXCLUSIVE lock, blocking reads "
						+ "and writes; an exclusion constraint can be neither added NOT VALID nor attached to an "
						+ "index built beforehand",
				"Declare the exclusion constraint when the table is created; on an existing table, enforce "
						+ "the rule in the application or with a trigger, or add the constraint in a "
						+ "maintenance window."));
	}

}

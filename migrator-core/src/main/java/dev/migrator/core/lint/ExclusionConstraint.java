package dev.migrator.core.lint;

import dev.migrator.core.lint.ClassifiedStatement.AlterTable;
import dev.migrator.core.lint.TableAction.AddConstraint;
import dev.migrator.core.lint.TableAction.ConstraintKind;
import dev.migrator.core.script.LintRule;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code exclusion-constraint}: an exclusion constraint added to an existing table. It
 * builds its index inside the ALTER TABLE and has neither a NOT VALID nor a USING INDEX
 * form, so no safe two-step way exists.
 */
final class ExclusionConstraint implements Rule {

	@Override
	public LintRule rule() {
		return LintRule.EXCLUSION_CONSTRAINT;
	}

	@Override
	public boolean longLock() {
		return true;
	}

	@Override
	public List<Violation> check(StatementContext context) {
		List<Violation> violations = new ArrayList<>();
		if (!(context.statement() instanceof AlterTable alter) || !context.existing(alter.table())) {
			return violations;
		}
		for (TableAction action : alter.actions()) {
			if (action instanceof AddConstraint add && add.kind() == ConstraintKind.EXCLUDE) {
				violations.add(new Violation("ADD CONSTRAINT ... EXCLUDE on the existing table " + alter.table()
						+ " builds its index and checks every row under an ACCESS EXCLUSIVE lock, blocking reads "
						+ "and writes; an exclusion constraint can be neither added NOT VALID nor attached to an "
						+ "index built beforehand",
						"Declare the exclusion constraint when the table is created; on an existing table, enforce "
								+ "the rule in the application or with a trigger, or add the constraint in a "
								+ "maintenance window."));
			}
		}
		return violations;
	}

}

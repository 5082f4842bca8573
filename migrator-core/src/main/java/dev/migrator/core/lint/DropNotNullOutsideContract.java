package dev.migrator.core.lint;

import dev.migrator.core.lint.ClassifiedStatement.AlterTable;
import dev.migrator.core.lint.TableAction.DropNotNull;
import dev.migrator.core.script.LintRule;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code drop-not-null-outside-contract}: {@code DROP NOT NULL} before the contract
 * phase. The lock is brief, but the version still running may read a NULL it was written
 * never to meet.
 */
final class DropNotNullOutsideContract implements Rule {

	@Override
	public LintRule rule() {
		return LintRule.DROP_NOT_NULL_OUTSIDE_CONTRACT;
	}

	@Override
	public boolean longLock() {
		return false;
	}

	@Override
	public List<Violation> check(StatementContext context) {
		List<Violation> violations = new ArrayList<>();
		if (context.isContract() || !(context.statement() instanceof AlterTable alter)
				|| !context.existing(alter.table())) {
			return violations;
		}
		String phase = RenameOutsideContract.article(context.revision().phase().label());
		for (TableAction action : alter.actions()) {
			if (action instanceof DropNotNull drop) {
				violations.add(new Violation(
						"DROP NOT NULL on " + alter.table() + "." + drop.column() + " in " + phase
								+ " revision lets new rows hold NULL while the application version still running may "
								+ "read the column expecting a value",
						"Ship code that copes with NULL in the column first, then drop the constraint in a revision "
								+ "with -- migrator:phase contract."));
			}
		}
		return violations;
	}

}

package dev.migrator.core.lint;

import dev.migrator.core.lint.ClassifiedStatement.AlterTable;
import dev.migrator.core.lint.TableAction.SetNotNull;
import dev.migrator.core.script.LintRule;

import java.util.Optional;

/**
 * {@code set-not-null-without-check}: {@code SET NOT NULL} that must scan the table,
 * because no validated {@code CHECK (column IS NOT NULL)} from this or an earlier
 * revision lets PostgreSQL 12+ skip the scan.
 */
final class SetNotNullWithoutCheck implements ExistingTableActionRule {

	@Override
	public LintRule rule() {
		return LintRule.SET_NOT_NULL_WITHOUT_CHECK;
	}

	@Override
	public boolean longLock() {
		return true;
	}

	@Override
	public Optional<Violation> check(AlterTable alter, TableAction action, StatementContext context) {
		if (!(action instanceof SetNotNull set)
				|| context.schema().hasValidatedNotNullCheck(alter.table(), set.column())) {
			return Optional.empty();
		}
		String column = set.column();
		return Optional.of(new Violation(
				"SET NOT NULL on " + alter.table() + "." + column + " scans every row under "
						+ "an ACCESS EXCLUSIVE lock, blocking reads and writes, because no validated CHECK (" + column
						+ " IS NOT NULL) proves it first",
				"ALTER TABLE " + alter.table() + " ADD CONSTRAINT " + alter.table() + "_" + column + "_not_null CHECK ("
						+ column + " IS NOT NULL) NOT VALID; then, in a later revision, "
						+ "VALIDATE CONSTRAINT (it does not block writes), SET NOT NULL (PostgreSQL 12+ skips the "
						+ "scan) and drop the check. The operation addNotNull does all of this."));
	}

}

package dev.migrator.core.lint;

import dev.migrator.core.lint.ClassifiedStatement.AlterTable;
import dev.migrator.core.lint.TableAction.SetNotNull;
import dev.migrator.core.script.LintRule;

import java.util.Optional;

/**
 * {@code set-not-null-without-check}: {@code SET NOT NULL} that must scan the table. From
 * PostgreSQL 12 a validated {@code CHECK (column IS NOT NULL)} (or, on 18, a validated
 * NOT NULL constraint) from this or an earlier revision lets it skip the scan; before 12
 * nothing does. The advice follows the version: the check in three steps from 12, a NOT
 * NULL constraint added {@code NOT VALID} from 18.
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
		if (!(action instanceof SetNotNull set)) {
			return Optional.empty();
		}
		String table = alter.table();
		String column = set.column();
		boolean proven = context.schema().hasValidatedNotNullCheck(table, column);
		if (proven && context.version().atLeast(12)) {
			return Optional.empty();
		}
		String scan = "SET NOT NULL on " + table + "." + column + " scans every row under "
				+ "an ACCESS EXCLUSIVE lock, blocking reads and writes, ";
		if (!context.version().atLeast(12)) {
			return Optional.of(new Violation(
					scan + "even after a validated CHECK (" + column + " IS NOT NULL): PostgreSQL "
							+ context.version().major() + " cannot use a check to skip the scan "
							+ "(12 and later can)",
					"Keep a CHECK (" + column + " IS NOT NULL) constraint, added NOT VALID and validated in a later "
							+ "revision (neither blocks writes), as the column's guard, and leave SET NOT NULL "
							+ "until the server runs PostgreSQL 12 or later."));
		}
		String message = scan + "because no validated CHECK (" + column + " IS NOT NULL) proves it first";
		if (context.version().atLeast(18)) {
			return Optional.of(new Violation(message,
					"ALTER TABLE " + table + " ADD CONSTRAINT " + table + "_" + column + "_not_null NOT NULL " + column
							+ " NOT VALID (a brief lock; new rows are checked at once); then, in a later revision, "
							+ "VALIDATE CONSTRAINT " + table + "_" + column + "_not_null: it scans without blocking "
							+ "writes and leaves the column NOT NULL (PostgreSQL 18+)."));
		}
		return Optional.of(new Violation(message,
				"ALTER TABLE " + table + " ADD CONSTRAINT " + table + "_" + column + "_not_null CHECK (" + column
						+ " IS NOT NULL) NOT VALID; then, in a later revision, "
						+ "VALIDATE CONSTRAINT (it does not block writes), SET NOT NULL (PostgreSQL 12+ skips the "
						+ "scan) and drop the check. The operation addNotNull does all of this."));
	}

}

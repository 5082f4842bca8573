package dev.migrator.core.lint;

import dev.migrator.core.lint.ClassifiedStatement.LockTable;
import dev.migrator.core.script.LintRule;

import java.util.List;

/**
 * {@code lock-table}: an explicit LOCK TABLE, which holds its lock to the end of the
 * transaction and, while it waits, makes every later query on the table queue behind it.
 */
final class ExplicitTableLock implements Rule {

	@Override
	public LintRule rule() {
		return LintRule.LOCK_TABLE;
	}

	@Override
	public boolean longLock() {
		return true;
	}

	@Override
	public boolean growsWithTable() {
		return false;
	}

	@Override
	public List<Violation> check(StatementContext context) {
		if (context.statement() instanceof LockTable lock) {
			return List.of(new Violation("LOCK TABLE " + String.join(", ", lock.tables()) + " holds its lock until the "
					+ "revision's transaction ends; in the default ACCESS EXCLUSIVE mode that blocks every read and "
					+ "write, and while it waits every other query on the table queues behind it",
					"Rely on the locks the statements take themselves, under the revision's lock timeout; if one is "
							+ "truly needed, take the weakest mode that works and keep the revision short."));
		}
		return List.of();
	}

}

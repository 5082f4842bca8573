package dev.migrator.core.lint;

import dev.migrator.core.lint.ClassifiedStatement.AlterTable;
import dev.migrator.core.lint.ColumnDefault.Volatility;
import dev.migrator.core.lint.TableAction.AddColumn;
import dev.migrator.core.script.LintRule;

import java.util.Optional;

/**
 * {@code add-column-volatile-default}: a new column whose default must be computed row by
 * row, which rewrites the table. A constant or stable default ({@code now()} included) is
 * stored once in the catalog on PostgreSQL 11+.
 */
final class AddColumnVolatileDefault implements ExistingTableActionRule {

	@Override
	public LintRule rule() {
		return LintRule.ADD_COLUMN_VOLATILE_DEFAULT;
	}

	@Override
	public boolean longLock() {
		return true;
	}

	@Override
	public Optional<Violation> check(AlterTable alter, TableAction action, StatementContext context) {
		if (!(action instanceof AddColumn add) || add.columnDefault().isEmpty()
				|| add.columnDefault().get().volatility() == Volatility.NON_VOLATILE) {
			return Optional.empty();
		}
		ColumnDefault value = add.columnDefault().get();
		String rewrite = "rewrites the whole table " + alter.table() + " under an ACCESS EXCLUSIVE lock, blocking "
				+ "reads and writes until every row is written";
		String message = (value.volatility() == Volatility.VOLATILE)
				? "ADD COLUMN " + add.column() + " with a value from " + value.cause() + " " + rewrite
				: "ADD COLUMN " + add.column() + " has a default that calls " + value.cause()
						+ ", which may be volatile; a volatile default " + rewrite;
		return Optional.of(new Violation(message,
				"Add the column without that default, then ALTER COLUMN " + add.column()
						+ " SET DEFAULT ... for new rows (a catalog change), and fill existing rows with a "
						+ "backfill in batches."));
	}

}

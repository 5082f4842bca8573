package dev.migrator.core.lint;

import dev.migrator.core.lint.ClassifiedStatement.AlterTable;
import dev.migrator.core.lint.ColumnDefault.Volatility;
import dev.migrator.core.lint.TableAction.AddColumn;
import dev.migrator.core.script.LintRule;

import java.util.Optional;

/**
 * {@code add-column-volatile-default}: a new column whose default must be computed row by
 * row, which rewrites the table. A constant or stable default ({@code now()} included) is
 * stored once in the catalog on PostgreSQL 11+; before 11 any default but NULL rewrites
 * the table.
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
		if (!(action instanceof AddColumn add) || add.columnDefault().isEmpty()) {
			return Optional.empty();
		}
		ColumnDefault value = add.columnDefault().get();
		if (value.volatility() == Volatility.NON_VOLATILE) {
			return beforeEleven(alter, add, value, context);
		}
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

	/**
	 * Before PostgreSQL 11 every existing row is written with the default, constant or
	 * not.
	 */
	private static Optional<Violation> beforeEleven(AlterTable alter, AddColumn add, ColumnDefault value,
			StatementContext context) {
		if (context.version().atLeast(11) || value.isNull()) {
			return Optional.empty();
		}
		return Optional.of(new Violation(
				"ADD COLUMN " + add.column() + " DEFAULT " + value.sql() + " rewrites the whole table " + alter.table()
						+ " under an ACCESS EXCLUSIVE lock on PostgreSQL " + context.version().major()
						+ ", blocking reads and writes until every row is written (from "
						+ "PostgreSQL 11 a non-volatile default is stored once instead)",
				"Add the column without a default, then ALTER COLUMN " + add.column()
						+ " SET DEFAULT ... for new rows (a catalog change), and fill existing rows with a "
						+ "backfill in batches; op.safe().addColumn does this before PostgreSQL 11."));
	}

}

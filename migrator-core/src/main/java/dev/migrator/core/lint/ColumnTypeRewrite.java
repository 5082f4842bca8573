package dev.migrator.core.lint;

import dev.migrator.core.lint.ClassifiedStatement.AlterTable;
import dev.migrator.core.lint.TableAction.AlterColumnType;
import dev.migrator.core.script.LintRule;

import java.util.Optional;

/**
 * {@code column-type-rewrite}: a column type change that rewrites (or scans) the table;
 * see {@link TypeChange}.
 */
final class ColumnTypeRewrite implements ExistingTableActionRule {

	@Override
	public LintRule rule() {
		return LintRule.COLUMN_TYPE_REWRITE;
	}

	@Override
	public boolean longLock() {
		return true;
	}

	@Override
	public Optional<Violation> check(AlterTable alter, TableAction action, StatementContext context) {
		if (!(action instanceof AlterColumnType change)) {
			return Optional.empty();
		}
		Optional<SqlType> current = context.schema().columnType(alter.table(), change.column());
		boolean indexed = context.schema().isIndexed(alter.table(), change.column());
		boolean checked = context.schema().isChecked(alter.table(), change.column());
		return reason(alter.table(), change, current, indexed, checked).map((reason) -> new Violation(
				reason + "; a rewrite holds an ACCESS EXCLUSIVE lock on " + alter.table()
						+ ", blocking reads and writes, until every row and index is rewritten",
				"Add a column of the new type, write to both, fill it with a backfill, move reads to it, "
						+ "then drop the old column in a contract revision."));
	}

	private static Optional<String> reason(String table, AlterColumnType change, Optional<SqlType> current,
			boolean indexed, boolean checked) {
		String column = table + "." + change.column();
		if (change.using()) {
			return Optional.of("ALTER COLUMN " + column + " TYPE " + change.type() + " with USING computes every value "
					+ "anew, which rewrites the table");
		}
		if (current.isEmpty() || !current.get().isKnown()) {
			return Optional.of("ALTER COLUMN " + column + " TYPE " + change.type()
					+ " may rewrite the table: no revision read before it says what the column's type is now");
		}
		if (TypeChange.rewrites(current.get(), change.type())) {
			return Optional.of("ALTER COLUMN " + column + " from " + current.get() + " to " + change.type()
					+ " is not binary-coercible, so it rewrites the table");
		}
		if (checked) {
			return Optional.of("ALTER COLUMN " + column + " from " + current.get() + " to " + change.type()
					+ " rewrites no row, but a CHECK constraint reads the column, so every row is checked again");
		}
		if (indexed && TypeChange.rebuildsIndexes(current.get(), change.type())) {
			return Optional.of("ALTER COLUMN " + column + " from " + current.get() + " to " + change.type()
					+ " rewrites no row, but the column is indexed and its indexes compare with other operators "
					+ "now, so they are rebuilt");
		}
		return Optional.empty();
	}

}

package dev.migrator.core.lint;

import dev.migrator.core.lint.ClassifiedStatement.AlterTable;
import dev.migrator.core.lint.TableAction.AddColumn;
import dev.migrator.core.script.LintRule;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code add-column-not-null-without-default}: a NOT NULL column added to existing rows
 * that have no value for it.
 */
final class AddColumnNotNullWithoutDefault implements Rule {

	@Override
	public LintRule rule() {
		return LintRule.ADD_COLUMN_NOT_NULL_WITHOUT_DEFAULT;
	}

	@Override
	public boolean longLock() {
		return false;
	}

	@Override
	public List<Violation> check(StatementContext context) {
		List<Violation> violations = new ArrayList<>();
		if (!(context.statement() instanceof AlterTable alter)) {
			return violations;
		}
		// SQLite refuses such a column even on an empty table; PostgreSQL only once the
		// table has a row.
		if (context.isPostgresql() && !context.existing(alter.table())) {
			return violations;
		}
		for (TableAction action : alter.actions()) {
			if (action instanceof AddColumn add && add.notNull()
					&& add.columnDefault().map(ColumnDefault::isNull).orElse(true)) {
				String why = context.isPostgresql()
						? "fails as soon as " + alter.table() + " has a row, since existing rows would hold NULL"
						: "is refused by SQLite, which needs a default for existing rows";
				violations.add(new Violation("ADD COLUMN " + add
					.column() + " NOT NULL without a default " + why, "Give the column a constant default (ADD COLUMN "
							+ add.column() + " " + add.type()
							+ " NOT NULL DEFAULT ..., a catalog-only change on PostgreSQL 11+), or add it nullable, "
							+ "fill it with a backfill, then make it NOT NULL through a validated CHECK."));
			}
		}
		return violations;
	}

}

package dev.migrator.core.lint;

import dev.migrator.core.lint.ClassifiedStatement.AlterTable;
import dev.migrator.core.lint.TableAction.AddColumn;
import dev.migrator.core.lint.TableAction.AlterColumnType;
import dev.migrator.core.script.LintRule;

import java.util.Optional;

/**
 * {@code prefer-jsonb}: a {@code json} column appears on an existing table. The type has
 * no equality operator, so queries the running application already sends with
 * {@code SELECT DISTINCT}, {@code UNION} or {@code GROUP BY} over the table's columns
 * start to fail.
 */
final class PreferJsonb implements ExistingTableActionRule {

	@Override
	public LintRule rule() {
		return LintRule.PREFER_JSONB;
	}

	@Override
	public boolean longLock() {
		return false;
	}

	@Override
	public Optional<Violation> check(AlterTable alter, TableAction action, StatementContext context) {
		String column = (action instanceof AddColumn add && isJson(add.type())) ? add.column()
				: (action instanceof AlterColumnType change && isJson(change.type())) ? change.column() : "";
		if (column.isEmpty()) {
			return Optional.empty();
		}
		return Optional.of(new Violation(
				"The json column " + alter.table() + "." + column
						+ " has no equality operator: queries of the running application that use SELECT DISTINCT, "
						+ "UNION or GROUP BY over " + alter.table() + "'s columns fail with 'could not identify an "
						+ "equality operator for type json'",
				"Use jsonb, which compares, indexes and stores the document parsed."));
	}

	private static boolean isJson(SqlType type) {
		return type.name().equals("json");
	}

}

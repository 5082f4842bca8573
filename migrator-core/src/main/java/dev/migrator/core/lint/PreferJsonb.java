package dev.migrator.core.lint;

import dev.migrator.core.lint.ClassifiedStatement.AlterTable;
import dev.migrator.core.lint.TableAction.AddColumn;
import dev.migrator.core.lint.TableAction.AlterColumnType;
import dev.migrator.core.script.LintRule;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code prefer-jsonb}: a {@code json} column appears on an existing table. The type has
 * no equality operator, so queries the running application already sends with
 * {@code SELECT DISTINCT}, {@code UNION} or {@code GROUP BY} over the table's columns
 * start to fail.
 */
final class PreferJsonb implements Rule {

	@Override
	public LintRule rule() {
		return LintRule.PREFER_JSONB;
	}

	@Override
	public boolean longLock() {
		return false;
	}

	@Override
	public List<Violation> check(StatementContext context) {
		List<Violation> violations = new ArrayList<>();
		if (!(context.statement() instanceof AlterTable alter) || !context.existing(alter.table())) {
			return violations;
		}
		for (TableAction action : alter.actions()) {
			String column = (action instanceof AddColumn add && isJson(add.type())) ? add.column()
					: (action instanceof AlterColumnType change && isJson(change.type())) ? change.column() : "";
			if (!column.isEmpty()) {
				violations.add(new Violation("The json column " + alter.table() + "." + column
						+ " has no equality operator: queries of the running application that use SELECT DISTINCT, "
						+ "UNION or GROUP BY over " + alter.table() + "'s columns fail with 'could not identify an "
						+ "equality operator for type json'",
						"Use jsonb, which compares, indexes and stores the document parsed."));
			}
		}
		return violations;
	}

	private static boolean isJson(SqlType type) {
		return type.name().equals("json");
	}

}

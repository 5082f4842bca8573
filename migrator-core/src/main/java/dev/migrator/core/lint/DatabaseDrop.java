package dev.migrator.core.lint;

import dev.migrator.core.script.LintRule;

import java.util.List;

/**
 * {@code drop-database}: {@code DROP DATABASE} in a revision. Nothing about a schema
 * change needs it, and it destroys every table the application uses.
 */
final class DatabaseDrop implements Rule {

	@Override
	public LintRule rule() {
		return LintRule.DROP_DATABASE;
	}

	@Override
	public boolean longLock() {
		return false;
	}

	@Override
	public List<Violation> check(StatementContext context) {
		if (context.statement() instanceof ClassifiedStatement.DropDatabase drop) {
			return List.of(new Violation(
					"DROP DATABASE " + drop.name() + " destroys a whole database, every table "
							+ "and row of it, which breaks every application that uses it and cannot be undone",
					"Drop databases from operations, deliberately and outside the deploy; revisions change the "
							+ "schema of the database they run in."));
		}
		return List.of();
	}

}

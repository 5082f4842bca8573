package dev.migrator.core.lint;

import dev.migrator.core.lint.ClassifiedStatement.Truncate;
import dev.migrator.core.script.LintRule;

import java.util.List;

/**
 * {@code truncate-cascade}: {@code TRUNCATE ... CASCADE}, which also empties every table
 * that references the named ones, whichever they are at the time it runs.
 */
final class TruncateCascade implements Rule {

	@Override
	public LintRule rule() {
		return LintRule.TRUNCATE_CASCADE;
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
		if (context.statement() instanceof Truncate truncate && truncate.cascade()) {
			return List.of(new Violation("TRUNCATE " + String.join(", ", truncate.tables()) + " CASCADE also empties "
					+ "every table with a foreign key to them, and those tables' referencing tables, under an ACCESS "
					+ "EXCLUSIVE lock on each: data the running application needs is gone for good",
					"Name every table to empty in the TRUNCATE without CASCADE (it fails if another table still "
							+ "references them), or delete the rows in batches with a backfill."));
		}
		return List.of();
	}

}

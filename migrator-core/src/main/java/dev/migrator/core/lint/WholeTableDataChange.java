package dev.migrator.core.lint;

import dev.migrator.core.lint.ClassifiedStatement.DataChange;
import dev.migrator.core.script.LintRule;

import java.util.List;

/**
 * {@code whole-table-data-change}: an UPDATE or DELETE without a WHERE on an existing
 * table, run inside a schema revision. Any WHERE counts as selective: telling a selective
 * one from {@code WHERE true} needs the data.
 */
final class WholeTableDataChange implements Rule {

	@Override
	public LintRule rule() {
		return LintRule.WHOLE_TABLE_DATA_CHANGE;
	}

	@Override
	public boolean longLock() {
		return true;
	}

	@Override
	public List<Violation> check(StatementContext context) {
		if (context.statement() instanceof DataChange change && !change.where() && context.existing(change.table())) {
			return List.of(new Violation(change.command() + " of every row of " + change.table() + " in one statement "
					+ "locks every row it changes until the revision commits, blocking writers of those rows, and leaves "
					+ "a dead copy of each row for vacuum",
					"Declare it as a backfill instead (-- migrator:backfill NAME with backfill-table, backfill-set and "
							+ "backfill-where in the revision header): it runs as its own job in short keyset "
							+ "batches, each committed with its progress, and resumes where it stopped. Or limit it "
							+ "with a WHERE."));
		}
		return List.of();
	}

}

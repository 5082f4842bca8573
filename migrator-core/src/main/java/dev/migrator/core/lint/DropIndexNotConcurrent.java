package dev.migrator.core.lint;

import dev.migrator.core.lint.ClassifiedStatement.DropIndex;
import dev.migrator.core.script.LintRule;

import java.util.List;

/**
 * {@code drop-index-not-concurrent}: {@code DROP INDEX} without {@code CONCURRENTLY},
 * which waits for, then holds, an ACCESS EXCLUSIVE lock on the index's table. An index of
 * a partitioned table cannot be dropped concurrently, so there is nothing safer to advise
 * for it.
 */
final class DropIndexNotConcurrent implements Rule {

	@Override
	public LintRule rule() {
		return LintRule.DROP_INDEX_NOT_CONCURRENT;
	}

	@Override
	public boolean longLock() {
		return false;
	}

	@Override
	public List<Violation> check(StatementContext context) {
		if (!(context.statement() instanceof DropIndex drop) || drop.concurrently()
				|| (!drop.indexes().isEmpty() && drop.indexes().stream().allMatch(context.schema()::isIndexNew))
				|| (!drop.indexes().isEmpty()
						&& drop.indexes().stream().allMatch(context.schema()::isPartitionedIndex))) {
			return List.of();
		}
		return List.of(new Violation("DROP INDEX " + String.join(", ", drop.indexes())
				+ " without CONCURRENTLY takes an ACCESS EXCLUSIVE lock on the index's table: while it waits for "
				+ "running queries, every later read and write of the table queues behind it",
				"DROP INDEX CONCURRENTLY (one index per statement) in a revision of its own with "
						+ "-- migrator:transactional false."));
	}

}

package dev.migrator.core.lint;

import dev.migrator.core.lint.ClassifiedStatement.AlterTable;
import dev.migrator.core.lint.TableAction.DetachPartition;
import dev.migrator.core.script.LintRule;

import java.util.Optional;

/**
 * {@code detach-partition-not-concurrent}: {@code DETACH PARTITION} without
 * {@code CONCURRENTLY} (PostgreSQL 14+), which locks the partitioned table itself.
 */
final class DetachPartitionNotConcurrent implements ExistingTableActionRule {

	@Override
	public LintRule rule() {
		return LintRule.DETACH_PARTITION_NOT_CONCURRENT;
	}

	@Override
	public boolean longLock() {
		return false;
	}

	@Override
	public Optional<Violation> check(AlterTable alter, TableAction action, StatementContext context) {
		if (!(action instanceof DetachPartition detach) || detach.concurrently()) {
			return Optional.empty();
		}
		return Optional.of(new Violation(
				"DETACH PARTITION " + detach.partition() + " from " + alter.table()
						+ " without CONCURRENTLY takes an ACCESS EXCLUSIVE lock on the whole partitioned table, "
						+ "so every read and write of any partition queues behind it",
				"ALTER TABLE " + alter.table() + " DETACH PARTITION " + detach.partition()
						+ " CONCURRENTLY (PostgreSQL 14+) in a revision of its own with "
						+ "-- migrator:transactional false; it takes only a SHARE UPDATE EXCLUSIVE lock."));
	}

}

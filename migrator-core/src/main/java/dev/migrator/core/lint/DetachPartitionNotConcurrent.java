package dev.migrator.core.lint;

import dev.migrator.core.lint.ClassifiedStatement.AlterTable;
import dev.migrator.core.lint.TableAction.DetachPartition;
import dev.migrator.core.script.LintRule;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code detach-partition-not-concurrent}: {@code DETACH PARTITION} without
 * {@code CONCURRENTLY} (PostgreSQL 14+), which locks the partitioned table itself.
 */
final class DetachPartitionNotConcurrent implements Rule {

	@Override
	public LintRule rule() {
		return LintRule.DETACH_PARTITION_NOT_CONCURRENT;
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
			if (action instanceof DetachPartition detach && !detach.concurrently()) {
				violations.add(new Violation("DETACH PARTITION " + detach.partition() + " from " + alter.table()
						+ " without CONCURRENTLY takes an ACCESS EXCLUSIVE lock on the whole partitioned table, "
						+ "so every read and write of any partition queues behind it",
						"ALTER TABLE " + alter.table() + " DETACH PARTITION " + detach.partition()
								+ " CONCURRENTLY (PostgreSQL 14+) in a revision of its own with "
								+ "-- migrator:transactional false; it takes only a SHARE UPDATE EXCLUSIVE lock."));
			}
		}
		return violations;
	}

}

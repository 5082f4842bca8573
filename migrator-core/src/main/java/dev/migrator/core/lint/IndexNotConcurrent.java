package dev.migrator.core.lint;

import dev.migrator.core.lint.ClassifiedStatement.CreateIndex;
import dev.migrator.core.lint.ClassifiedStatement.Reindex;
import dev.migrator.core.script.LintRule;

import java.util.List;

/**
 * {@code index-not-concurrent}: an index built or rebuilt on an existing table without
 * {@code CONCURRENTLY}. A partitioned table cannot build its index concurrently, so the
 * advice there is the per-partition way; {@code REINDEX CONCURRENTLY} exists only from
 * PostgreSQL 12, so before it the advice is a new index built concurrently.
 */
final class IndexNotConcurrent implements Rule {

	@Override
	public LintRule rule() {
		return LintRule.INDEX_NOT_CONCURRENT;
	}

	@Override
	public boolean longLock() {
		return true;
	}

	@Override
	public List<Violation> check(StatementContext context) {
		if (context.statement() instanceof CreateIndex create && create.concurrently()
				&& context.schema().isPartitioned(create.table())) {
			return List.of(new Violation("CREATE INDEX CONCURRENTLY on the partitioned table " + create.table()
					+ " fails: PostgreSQL cannot build a partitioned table's index concurrently, so the upgrade stops "
					+ "at this statement", perPartition(create.table())));
		}
		if (context.statement() instanceof CreateIndex create && !create.concurrently()
				&& context.existing(create.table()) && context.schema().isPartitioned(create.table())) {
			return partitioned(create);
		}
		if (context.statement() instanceof CreateIndex create && !create.concurrently()
				&& context.existing(create.table())) {
			return List.of(new Violation(
					"CREATE " + (create.unique() ? "UNIQUE " : "") + "INDEX on the existing table " + create.table()
							+ " without CONCURRENTLY holds a SHARE lock for the whole build, blocking every "
							+ "INSERT, UPDATE and DELETE on it until the index is done",
					"CREATE " + (create.unique() ? "UNIQUE " : "") + "INDEX CONCURRENTLY ... ON " + create.table()
							+ " (...) in a revision of its own with -- migrator:transactional false."));
		}
		if (context.statement() instanceof Reindex reindex && reindex.target().startsWith("SYSTEM")) {
			// REINDEX SYSTEM has no concurrent form: there is no safer statement to
			// advise (squawk's require-concurrent-reindex passes it too).
			return List.of();
		}
		if (context.statement() instanceof Reindex reindex && !reindex.concurrently()
				&& !context.version().atLeast(12)) {
			return List.of(new Violation(
					"REINDEX " + reindex.target() + " blocks writes to the table, and reads that "
							+ "use the index, for the whole rebuild; PostgreSQL " + context.version().major()
							+ " has no REINDEX CONCURRENTLY (it came in 12)",
					"Build a copy of the index with CREATE INDEX CONCURRENTLY, then DROP INDEX CONCURRENTLY the old "
							+ "one and ALTER INDEX ... RENAME the copy, each in a revision with "
							+ "-- migrator:transactional false (an index behind a constraint cannot be swapped "
							+ "this way)."));
		}
		if (context.statement() instanceof Reindex reindex && !reindex.concurrently()
				&& reindex.target().startsWith("DATABASE")) {
			// REINDEX DATABASE CONCURRENTLY skips the catalogs: adding CONCURRENTLY
			// is not the whole answer for it.
			return List.of(new Violation(
					"REINDEX " + reindex.target() + " rebuilds every index of the database, each under a lock "
							+ "that blocks writes to its table (and reads that use the index); no CONCURRENTLY form "
							+ "covers the system catalogs",
					"Keep database-wide maintenance out of revisions: run it from operations in a maintenance "
							+ "window, or rebuild the indexes that need it one by one with REINDEX INDEX ... "
							+ "CONCURRENTLY (PostgreSQL 12+) in a revision with -- migrator:transactional false."));
		}
		if (context.statement() instanceof Reindex reindex && !reindex.concurrently()) {
			return List.of(new Violation(
					"REINDEX " + reindex.target() + " without CONCURRENTLY blocks writes to the "
							+ "table, and reads that use the index, for the whole rebuild",
					"REINDEX ... CONCURRENTLY (PostgreSQL 12+) in a revision of its own with "
							+ "-- migrator:transactional false."));
		}
		return List.of();
	}

	/**
	 * PostgreSQL cannot build an index on a partitioned table concurrently; without
	 * {@code ON ONLY} the build recurses into every partition under a SHARE lock.
	 */
	private static List<Violation> partitioned(CreateIndex create) {
		if (create.only()) {
			// ON ONLY creates the parent's index alone, invalid and empty: a catalog
			// change.
			return List.of();
		}
		return List.of(new Violation("CREATE " + (create.unique() ? "UNIQUE " : "") + "INDEX on the partitioned table "
				+ create.table() + " builds the index on every partition under a SHARE lock, blocking every INSERT, "
				+ "UPDATE and DELETE on them until all are built; a partitioned table cannot build it CONCURRENTLY",
				perPartition(create.table())));
	}

	private static String perPartition(String table) {
		return "CREATE INDEX ... ON ONLY " + table + " (...) (the parent's index alone, invalid for now), "
				+ "then for each partition CREATE INDEX CONCURRENTLY ... in a revision with "
				+ "-- migrator:transactional false and ALTER INDEX parent_index ATTACH PARTITION "
				+ "partition_index; the parent's index becomes valid once every partition's is attached.";
	}

}

package dev.migrator.core.lint;

import dev.migrator.core.lint.ClassifiedStatement.CreateIndex;
import dev.migrator.core.lint.ClassifiedStatement.Reindex;
import dev.migrator.core.script.LintRule;

import java.util.List;

/**
 * {@code index-not-concurrent}: an index built or rebuilt on an existing table without
 * {@code CONCURRENTLY}.
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

}

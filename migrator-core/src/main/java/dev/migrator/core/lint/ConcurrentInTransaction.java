package dev.migrator.core.lint;

import dev.migrator.core.lint.ClassifiedStatement.CreateIndex;
import dev.migrator.core.lint.ClassifiedStatement.DropIndex;
import dev.migrator.core.lint.ClassifiedStatement.Reindex;
import dev.migrator.core.script.LintRule;

import java.util.List;
import java.util.Optional;

/**
 * {@code concurrent-in-transaction}: a {@code CONCURRENTLY} statement in a revision
 * marked transactional. PostgreSQL refuses it in a transaction block, so such a revision
 * either fails or (where the runtime runs the statement in autocommit between
 * transactional parts) is no longer atomic.
 */
final class ConcurrentInTransaction implements Rule {

	@Override
	public LintRule rule() {
		return LintRule.CONCURRENT_IN_TRANSACTION;
	}

	@Override
	public boolean longLock() {
		return false;
	}

	@Override
	public List<Violation> check(StatementContext context) {
		if (!context.revision().transactional()) {
			return List.of();
		}
		return concurrentCommand(context.statement())
			.map((command) -> List.of(new Violation(command + " CONCURRENTLY cannot run inside a transaction block, so "
					+ "this revision, marked transactional, cannot be atomic: the statement has to run on its own in "
					+ "autocommit, and if it fails the statements before it stay committed while the revision is not "
					+ "recorded as applied",
					"Move the statement to a revision of its own with -- migrator:transactional false, so that the "
							+ "revision says how it runs and a retry repeats only that statement; keep the other "
							+ "statements in a transactional revision.")))
			.orElse(List.of());
	}

	private static Optional<String> concurrentCommand(ClassifiedStatement statement) {
		if (statement instanceof CreateIndex create && create.concurrently()) {
			return Optional.of("CREATE INDEX");
		}
		if (statement instanceof DropIndex drop && drop.concurrently()) {
			return Optional.of("DROP INDEX");
		}
		if (statement instanceof Reindex reindex && reindex.concurrently()) {
			return Optional.of("REINDEX");
		}
		return Optional.empty();
	}

}

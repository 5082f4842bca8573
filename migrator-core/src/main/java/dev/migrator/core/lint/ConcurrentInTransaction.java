package dev.migrator.core.lint;

import dev.migrator.core.lint.ClassifiedStatement.CreateIndex;
import dev.migrator.core.lint.ClassifiedStatement.DropIndex;
import dev.migrator.core.lint.ClassifiedStatement.Reindex;
import dev.migrator.core.script.LintRule;

import java.util.List;
import java.util.Optional;

/**
 * {@code concurrent-in-transaction}: a {@code CONCURRENTLY} statement in a revision
 * marked transactional, next to other statements. PostgreSQL refuses it in a transaction
 * block, so the runtime runs it in autocommit between the transactional parts around it,
 * and the revision is no longer atomic. A revision whose only statement it is loses
 * nothing by that split and is not reported.
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
		// The runtime runs a lone concurrent statement in autocommit: nothing else
		// commits
		// with it or apart from it, so the revision is as atomic as it can be.
		if (!context.revision().transactional() || context.statementsInRevision() < 2) {
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

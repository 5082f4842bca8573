package dev.migrator.core.runtime;

import dev.migrator.core.error.ErrorCode;

import dev.migrator.core.dialect.RenderedStatement;
import dev.migrator.core.op.InvalidOperationException;
import dev.migrator.core.op.Operation;

import java.util.List;
import java.util.Optional;

/**
 * The check, online and offline alike, that nothing which needs autocommit runs inside a
 * transaction block.
 */
final class AutocommitNeeded {

	private AutocommitNeeded() {
	}

	/**
	 * Fails when the operation may not run inside the revision's transaction; before
	 * anything runs.
	 */
	static void check(Operation operation, List<RenderedStatement> statements, boolean inTransaction) {
		if (!inTransaction || operation.splitsTransaction()) {
			return;
		}
		Optional<RenderedStatement> refused = statements.stream()
			.filter(RenderedStatement::needsAutocommit)
			.findFirst();
		if (operation.requiresAutocommit() || refused.isPresent()) {
			String what = refused.map(RenderedStatement::sql).orElse("CONCURRENTLY");
			throw new InvalidOperationException(ErrorCode.NEEDS_AUTOCOMMIT, operation.describe() + ": " + what
					+ " cannot run inside a transaction block, and this revision runs in one. Use op.autocommitBlock(() -> ...) "
					+ "around it or mark the revision transactional=false.");
		}
	}

	/**
	 * Whether an operation that manages its own transactions has a step that must run
	 * outside the revision's: then the whole operation runs outside it, each step
	 * committing on its own.
	 */
	static boolean splits(Operation operation, List<RenderedStatement> statements) {
		return operation.splitsTransaction() && statements.stream().anyMatch(RenderedStatement::needsAutocommit);
	}

	/** The same check for what can be told before rendering. */
	static void check(Operation operation, boolean inTransaction) {
		check(operation, List.of(), inTransaction);
	}

}

package dev.migrator.core.lint;

import dev.migrator.core.lint.ClassifiedStatement.TransactionControl;
import dev.migrator.core.script.LintRule;

import java.util.List;

/**
 * {@code transaction-control}: a revision that opens, ends or marks transactions itself.
 * The engine owns them: it commits a revision together with its version row, so a COMMIT
 * of the revision's own would record a half-applied change as whole, or the reverse. The
 * runtime refuses such a revision too.
 */
final class TransactionControlInRevision implements Rule {

	@Override
	public LintRule rule() {
		return LintRule.TRANSACTION_CONTROL;
	}

	@Override
	public boolean longLock() {
		return false;
	}

	@Override
	public List<Violation> check(StatementContext context) {
		if (context.statement() instanceof TransactionControl control) {
			return List.of(new Violation(
					control.command() + " in a revision fights the engine, which owns the "
							+ "transactions: it commits each revision together with its version row, and a transaction "
							+ "ended or opened by the revision itself breaks that, so the runtime refuses the revision",
					"Remove the statement. For statements that must not share a transaction, use "
							+ "-- migrator:transactional false, where each statement commits on its own and a "
							+ "failed run resumes after the last one that did."));
		}
		return List.of();
	}

}

package dev.migrator.core.runtime;

import dev.migrator.core.dialect.Dialect;
import dev.migrator.core.dialect.RenderContext;
import dev.migrator.core.dialect.RenderedStatement;
import dev.migrator.core.dialect.TimeoutScope;
import dev.migrator.core.op.AutocommitWork;
import dev.migrator.core.op.LintAllowance;
import dev.migrator.core.op.Operation;
import dev.migrator.core.op.OperationFailedException;
import dev.migrator.core.op.OperationRunner;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Runs operations on the revision's connection as they are called: rendered by the
 * dialect, checked for what cannot run in a transaction, executed. Also leaves the
 * transaction for an autocommit block and enters it again; an operation that does its own
 * multi-step dance (a safe operation) leaves it by itself when a step must run outside.
 * In autocommit each statement that times out waiting for a lock runs again after a
 * pause.
 */
final class JdbcOperationRunner implements OperationRunner {

	private final Connection connection;

	private final Dialect dialect;

	private final boolean transactional;

	private final EffectiveTimeouts timeouts;

	private final LockTimeoutRetrier retrier;

	private final String revision;

	private final LockQueueCheck lockQueue;

	private boolean inAutocommitBlock;

	private boolean committedEarly;

	private OptionalInt serverVersion;

	JdbcOperationRunner(Connection connection, Dialect dialect, boolean transactional, EffectiveTimeouts timeouts,
			LockTimeoutRetrier retrier, String revision) {
		this.revision = revision;
		this.connection = connection;
		this.dialect = dialect;
		this.transactional = transactional;
		this.timeouts = timeouts;
		this.retrier = retrier;
		this.lockQueue = new LockQueueCheck(dialect);
	}

	@Override
	public String dialect() {
		return this.dialect.name();
	}

	@Override
	public void run(Operation operation, List<LintAllowance> allowances) {
		// Allowances matter only to the linter; a wrong one fails here as it would there.
		OperationAllowances.of(allowances);
		run(operation);
	}

	@Override
	public void run(Operation operation) {
		boolean inTransaction = this.transactional && !this.inAutocommitBlock;
		AutocommitNeeded.check(operation, inTransaction);
		RenderContext context = new RenderContext(inTransaction, serverVersion(),
				this.dialect.liveSchema(this.connection));
		List<RenderedStatement> statements = this.dialect.render(operation, context);
		AutocommitNeeded.check(operation, statements, inTransaction);
		if (inTransaction && AutocommitNeeded.splits(operation, statements)) {
			// Its steps each commit on their own, so that no step holds the lock of
			// another while it waits or scans.
			runOutsideTransaction(operation, statements);
			return;
		}
		statementRunner(!inTransaction).run(operation, statements);
	}

	private void runOutsideTransaction(Operation operation, List<RenderedStatement> statements) {
		try {
			autocommit(() -> statementRunner(true).run(operation, statements));
		}
		catch (RuntimeException ex) {
			throw ex;
		}
		catch (Exception ex) {
			throw new OperationFailedException(operation.describe() + " failed: " + ex.getMessage(), ex);
		}
	}

	private RenderedStatementRunner statementRunner(boolean autocommit) {
		return new RenderedStatementRunner(this.connection, this.dialect, this.timeouts, this.lockQueue,
				autocommit
						? Optional
							.of(new RenderedStatementRunner.Autocommit(this.retrier, this.timeouts, this.revision))
						: Optional.empty());
	}

	@Override
	public void autocommit(AutocommitWork work) throws Exception {
		if (!this.transactional || this.inAutocommitBlock) {
			work.run();
			return;
		}
		this.connection.commit();
		this.lockQueue.forgetTakenLocks();
		this.committedEarly = true;
		this.connection.setAutoCommit(true);
		this.inAutocommitBlock = true;
		try (TimeoutScope session = this.dialect.applyTimeouts(this.connection, this.timeouts.lock(),
				this.timeouts.statement(), false)) {
			work.run();
		}
		finally {
			this.inAutocommitBlock = false;
			this.connection.setAutoCommit(false);
			// Transaction-local again for the rest of the revision; the runner's own
			// scope undoes them at its end.
			this.dialect.applyTimeouts(this.connection, this.timeouts.lock(), this.timeouts.statement(), true);
		}
	}

	/** Whether an autocommit block committed part of the revision before it finished. */
	boolean committedEarly() {
		return this.committedEarly;
	}

	private OptionalInt serverVersion() {
		if (this.serverVersion == null) {
			try {
				this.serverVersion = OptionalInt.of(this.connection.getMetaData().getDatabaseMajorVersion());
			}
			catch (SQLException ex) {
				throw new OperationFailedException("Could not read the database's version: " + ex.getMessage(), ex);
			}
		}
		return this.serverVersion;
	}

}

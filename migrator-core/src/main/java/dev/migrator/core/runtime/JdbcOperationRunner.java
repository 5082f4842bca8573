package dev.migrator.core.runtime;

import dev.migrator.core.dialect.Dialect;
import dev.migrator.core.dialect.RenderContext;
import dev.migrator.core.dialect.RenderedStatement;
import dev.migrator.core.dialect.TimeoutScope;
import dev.migrator.core.op.AutocommitWork;
import dev.migrator.core.op.Operation;
import dev.migrator.core.op.OperationFailedException;
import dev.migrator.core.op.OperationRunner;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Runs operations on the revision's connection as they are called: rendered by the dialect, checked for what cannot
 * run in a transaction, executed. Also leaves the transaction for an autocommit block and enters it again.
 */
final class JdbcOperationRunner implements OperationRunner {

	private final Connection connection;

	private final Dialect dialect;

	private final boolean transactional;

	private final Optional<Duration> lockTimeout;

	private final Optional<Duration> statementTimeout;

	private boolean inAutocommitBlock;

	private boolean committedEarly;

	private OptionalInt serverVersion;

	JdbcOperationRunner(Connection connection, Dialect dialect, boolean transactional, Optional<Duration> lockTimeout,
			Optional<Duration> statementTimeout) {
		this.connection = connection;
		this.dialect = dialect;
		this.transactional = transactional;
		this.lockTimeout = lockTimeout;
		this.statementTimeout = statementTimeout;
	}

	@Override
	public String dialect() {
		return this.dialect.name();
	}

	@Override
	public void run(Operation operation) {
		boolean inTransaction = this.transactional && !this.inAutocommitBlock;
		AutocommitNeeded.check(operation, inTransaction);
		RenderContext context = new RenderContext(inTransaction, serverVersion(), this.dialect.liveSchema(this.connection));
		List<RenderedStatement> statements = this.dialect.render(operation, context);
		AutocommitNeeded.check(operation, statements, inTransaction);
		new RenderedStatementRunner(this.connection, this.dialect).run(operation, statements);
	}

	@Override
	public void autocommit(AutocommitWork work) throws Exception {
		if (!this.transactional || this.inAutocommitBlock) {
			work.run();
			return;
		}
		this.connection.commit();
		this.committedEarly = true;
		this.connection.setAutoCommit(true);
		this.inAutocommitBlock = true;
		try (TimeoutScope session = this.dialect.applyTimeouts(this.connection, this.lockTimeout,
				this.statementTimeout, false)) {
			work.run();
		}
		finally {
			this.inAutocommitBlock = false;
			this.connection.setAutoCommit(false);
			// Transaction-local again for the rest of the revision; the runner's own scope undoes them at its end.
			this.dialect.applyTimeouts(this.connection, this.lockTimeout, this.statementTimeout, true);
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

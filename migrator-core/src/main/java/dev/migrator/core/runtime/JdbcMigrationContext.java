package dev.migrator.core.runtime;

import dev.migrator.core.dialect.Dialect;
import dev.migrator.core.op.NamingConvention;
import dev.migrator.core.op.Operations;
import dev.migrator.core.script.MigrationContext;

import java.sql.Connection;

/**
 * The context a Java migration runs with: the run's connection, already inside the
 * revision's transaction.
 */
final class JdbcMigrationContext implements MigrationContext {

	private final Connection connection;

	private final Dialect dialect;

	private final JdbcOperationRunner runner;

	private final Operations operations;

	JdbcMigrationContext(Connection connection, Dialect dialect, boolean transactional, EffectiveTimeouts timeouts,
			NamingConvention naming, LockTimeoutRetrier retrier, String revision) {
		this.connection = connection;
		this.dialect = dialect;
		this.runner = new JdbcOperationRunner(connection, dialect, transactional, timeouts, retrier, revision);
		this.operations = new Operations(this.runner, naming);
	}

	@Override
	public Connection connection() {
		return this.connection;
	}

	@Override
	public String dialect() {
		return this.dialect.name();
	}

	@Override
	public Operations op() {
		return this.operations;
	}

	/** Whether an autocommit block committed part of the revision. */
	boolean committedEarly() {
		return this.runner.committedEarly();
	}

}

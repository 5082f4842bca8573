package dev.migrator.core.runtime;

import dev.migrator.core.error.ErrorCode;

import dev.migrator.core.error.MigratorException;
import dev.migrator.core.op.Execute;
import dev.migrator.core.op.NamingConvention;
import dev.migrator.core.op.Operations;
import dev.migrator.core.script.MigrationContext;

import java.sql.Connection;
import java.util.Arrays;

/**
 * The context a Java migration runs with when an offline script is generated: its
 * operations are recorded; a migration that reaches for the connection cannot be
 * rendered.
 */
final class OfflineMigrationContext implements MigrationContext {

	private final RecordingOperationRunner runner;

	private final Operations operations;

	OfflineMigrationContext(RecordingOperationRunner runner, NamingConvention naming) {
		this.runner = runner;
		this.operations = new Operations(runner, naming);
	}

	@Override
	public Connection connection() {
		throw new OfflineJdbcException();
	}

	@Override
	public String dialect() {
		return this.runner.dialect();
	}

	@Override
	public void execute(String sql, Object... parameters) {
		this.operations.run(new Execute(sql, Arrays.asList(parameters)));
	}

	@Override
	public Operations op() {
		return this.operations;
	}

	/** A Java migration used JDBC directly while an offline script was generated. */
	static final class OfflineJdbcException extends MigratorException {

		OfflineJdbcException() {
			super(ErrorCode.OFFLINE_UNSUPPORTED,
					"offline: this revision uses JDBC directly (context.connection()), which "
							+ "cannot be rendered without a database; use context.op() or context.execute(...) only.");
		}

	}

}

package dev.migrator.core.command;

import dev.migrator.core.error.ErrorCode;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import dev.migrator.core.config.MigratorConfig;
import dev.migrator.core.dialect.Dialect;
import dev.migrator.core.dialect.Dialects;
import dev.migrator.core.dialect.RunLock;
import dev.migrator.core.error.MigratorException;
import dev.migrator.core.runtime.StateTables;

/**
 * Opens {@link Session sessions} on the configured database: the one place that takes a
 * connection, picks its dialect, holds the run lock for writing commands, creates the
 * state tables and turns a {@link SQLException} into a {@link MigratorException} that
 * says what to check.
 */
public final class Sessions {

	private final MigratorConfig config;

	Sessions(MigratorConfig config) {
		this.config = config;
	}

	/**
	 * Work that may change the schema or the state tables: it holds the run lock
	 * throughout, and the state tables and the clients table exist when it starts.
	 */
	public <T> T write(SessionWork<T> work) {
		StateTables tables = this.config.tables();
		String clientsTable = this.config.compatibility().clientsTable();
		try (Connection connection = DatabaseConnector.open(dataSource())) {
			connection.setAutoCommit(true);
			Dialect dialect = Dialects.forConnection(connection);
			try (RunLock lock = dialect.acquireRunLock(connection, tables.lockName(), this.config.lockWait())) {
				try (Statement statement = connection.createStatement()) {
					for (String ddl : dialect.createStateTables(tables.schema(), tables.versionTable(),
							tables.historyTable())) {
						statement.execute(ddl);
					}
					// The clients table too: the web application that writes it runs no
					// DDL.
					statement.execute(dialect.createClientsTable(tables.schema(), clientsTable));
					for (String ddl : dialect.createProgressTable(tables.schema(), tables.progressTable())) {
						statement.execute(ddl);
					}
				}
				return work.run(new Session(connection, dataSource()::getConnection, dialect, tables));
			}
		}
		catch (SQLException ex) {
			throw new MigratorException(ErrorCode.DATABASE_ERROR,
					"The database refused an operation of the migrator itself: " + ex.getMessage()
							+ ". Check the connection and that the user may create and write the state tables "
							+ tables.versionTable() + ", " + tables.historyTable() + " and " + clientsTable + ".",
					ex);
		}
	}

	/** Work that only reads: no lock, no table created. */
	public <T> T read(SessionWork<T> work) {
		try (Connection connection = DatabaseConnector.open(dataSource())) {
			return work.run(new Session(connection, dataSource()::getConnection, Dialects.forConnection(connection),
					this.config.tables()));
		}
		catch (SQLException ex) {
			throw new MigratorException(ErrorCode.DATABASE_ERROR,
					"Could not read the migration state: " + ex.getMessage()
							+ ". Check the connection settings and that the user may read "
							+ this.config.tables().versionTable() + ".",
					ex);
		}
	}

	/** The configured database, or a failure saying that this command needs one. */
	public DataSource dataSource() {
		return this.config.dataSource()
			.orElseThrow(() -> new MigratorException(ErrorCode.NO_DATA_SOURCE,
					"This command needs a database, but no DataSource is configured. Configure one, or use "
							+ "sql(from, to) for an offline script."));
	}

}

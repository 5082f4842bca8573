package dev.migrator.core.command;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Set;

import dev.migrator.core.dialect.Dialect;
import dev.migrator.core.runtime.ConnectionSource;
import dev.migrator.core.runtime.HistoryTable;
import dev.migrator.core.runtime.ProgressTable;
import dev.migrator.core.runtime.StateTables;
import dev.migrator.core.runtime.VersionTable;

/**
 * One connection to the migrated database with its dialect and state tables, open for the
 * length of one command. {@link Sessions} opens it, takes the run lock for writing
 * commands and translates every {@link SQLException}; the commands only do their work in
 * it.
 */
public final class Session {

	private final Connection connection;

	private final Dialect dialect;

	private final VersionTable versions;

	private final HistoryTable history;

	private final ProgressTable progress;

	private final ConnectionSource reconnect;

	Session(Connection connection, ConnectionSource reconnect, Dialect dialect, StateTables tables) {
		this.connection = connection;
		this.reconnect = reconnect;
		this.dialect = dialect;
		this.versions = new VersionTable(dialect, tables);
		this.history = new HistoryTable(dialect, tables);
		this.progress = new ProgressTable(dialect, tables);
	}

	public Connection connection() {
		return this.connection;
	}

	/**
	 * Opens another connection to the same database, for when the server ended this
	 * session's one.
	 */
	public ConnectionSource reconnect() {
		return this.reconnect;
	}

	public Dialect dialect() {
		return this.dialect;
	}

	public VersionTable versions() {
		return this.versions;
	}

	public HistoryTable history() {
		return this.history;
	}

	/** Which statements of revisions that commit as they go have run. */
	public ProgressTable progress() {
		return this.progress;
	}

	/** The version rows; empty at base. */
	public Set<String> versionRows() throws SQLException {
		return this.versions.read(this.connection);
	}

	/**
	 * Runs the work in one transaction: committed when it returns, rolled back when it
	 * throws.
	 */
	public <T> T inTransaction(SessionWork<T> work) throws SQLException {
		this.connection.setAutoCommit(false);
		T result;
		try {
			result = work.run(this);
			this.connection.commit();
		}
		catch (SQLException | RuntimeException ex) {
			// A connection the server ended refuses the clean-up too: the failure that
			// ended it is the one to report.
			try {
				this.connection.rollback();
				this.connection.setAutoCommit(true);
			}
			catch (SQLException cleanup) {
				ex.addSuppressed(cleanup);
			}
			throw ex;
		}
		this.connection.setAutoCommit(true);
		return result;
	}

}

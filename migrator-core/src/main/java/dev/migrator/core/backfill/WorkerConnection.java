package dev.migrator.core.backfill;

import dev.migrator.core.sql.DatabaseMessageRedaction;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one connection a backfill worker holds for its whole run, in autocommit between
 * batches; replaced when it breaks, so callers ask for it each time rather than keep it.
 */
final class WorkerConnection implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(WorkerConnection.class);

	private final DataSource dataSource;

	private final String backfill;

	private Connection connection;

	private WorkerConnection(DataSource dataSource, String backfill, Connection connection) {
		this.dataSource = dataSource;
		this.backfill = backfill;
		this.connection = connection;
	}

	static WorkerConnection open(DataSource dataSource, String backfill) throws SQLException {
		Connection connection = dataSource.getConnection();
		try {
			connection.setAutoCommit(true);
		}
		catch (SQLException ex) {
			closeQuietly(connection);
			throw ex;
		}
		return new WorkerConnection(dataSource, backfill, connection);
	}

	/** The connection now; a reconnect replaces it. */
	Connection get() {
		return this.connection;
	}

	/**
	 * Runs the work with autocommit off: the work commits or rolls back itself; when it
	 * throws, the transaction is rolled back. Autocommit is on again afterwards.
	 */
	<T> T inTransaction(Work<T> work) throws Exception {
		this.connection.setAutoCommit(false);
		try {
			return work.run(this.connection);
		}
		catch (Exception ex) {
			try {
				this.connection.rollback();
			}
			catch (SQLException rollback) {
				ex.addSuppressed(rollback);
			}
			throw ex;
		}
		finally {
			try {
				this.connection.setAutoCommit(true);
			}
			catch (SQLException ex) {
				// A broken connection; the next batch finds out and reconnects.
			}
		}
	}

	/** Replaces the connection with a new one. */
	void reconnect() {
		closeQuietly(this.connection);
		try {
			this.connection = this.dataSource.getConnection();
			this.connection.setAutoCommit(true);
		}
		catch (SQLException ex) {
			// The next batch fails on the closed connection and counts as another
			// attempt.
			logger.warn("Backfill {}: could not reconnect: {}", this.backfill,
					DatabaseMessageRedaction.redact(ex.getMessage()));
		}
	}

	/**
	 * Whether the connection is closed, as a terminated backend leaves it; a connection
	 * whose state cannot even be read counts as closed.
	 */
	boolean isClosed() {
		try {
			return this.connection.isClosed();
		}
		catch (SQLException ex) {
			return true;
		}
	}

	/** Reconnects when the connection is closed or no longer works. */
	void ensureValid() throws SQLException {
		if (this.connection.isClosed() || !this.connection.isValid(5)) {
			reconnect();
		}
	}

	@Override
	public void close() {
		closeQuietly(this.connection);
	}

	private static void closeQuietly(Connection connection) {
		try {
			connection.close();
		}
		catch (SQLException ex) {
			// Closing a broken connection; nothing to keep from it.
		}
	}

	/** Work on the connection inside a transaction. */
	@FunctionalInterface
	interface Work<T> {

		T run(Connection connection) throws Exception;

	}

}

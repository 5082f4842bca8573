package dev.migrator.core.runtime;

import dev.migrator.core.dialect.TimeoutScope;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Runs work in one transaction on a connection that is otherwise in autocommit: committed
 * inside the timeout scope the work runs under, rolled back when it fails, and the
 * connection back in autocommit either way.
 */
final class Transaction {

	private Transaction() {
	}

	static void run(Connection connection, Scope scope, Work work) throws Exception {
		connection.setAutoCommit(false);
		Throwable failure = null;
		try {
			// Committed before the scope closes: on SQLite the commit itself may wait for
			// a lock, under the same busy timeout as the work.
			try (TimeoutScope timeouts = scope.open()) {
				work.run();
				connection.commit();
			}
		}
		catch (Exception ex) {
			failure = ex;
			rollbackQuietly(connection, ex);
			throw ex;
		}
		catch (Error ex) {
			failure = ex;
			throw ex;
		}
		finally {
			restoreAutocommit(connection, failure);
		}
	}

	/**
	 * Back in autocommit; after a failure, a connection the server ended cannot be set
	 * either, and the failure that ended it (e.g. FATAL 57P01) is the one to report.
	 */
	private static void restoreAutocommit(Connection connection, Throwable failure) throws SQLException {
		try {
			connection.setAutoCommit(true);
		}
		catch (SQLException ex) {
			if (failure == null) {
				throw ex;
			}
			failure.addSuppressed(ex);
		}
	}

	private static void rollbackQuietly(Connection connection, Throwable cause) {
		try {
			connection.rollback();
		}
		catch (SQLException ex) {
			cause.addSuppressed(ex);
		}
	}

	/** Opens the timeouts the transaction runs under. */
	@FunctionalInterface
	interface Scope {

		Scope NONE = () -> TimeoutScope.NONE;

		TimeoutScope open() throws SQLException;

	}

	/** Work inside the transaction. */
	@FunctionalInterface
	interface Work {

		void run() throws Exception;

	}

}

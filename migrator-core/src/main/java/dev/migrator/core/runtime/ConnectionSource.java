package dev.migrator.core.runtime;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Opens another connection to the migrated database: the failure of a step is recorded on
 * one when the server ended the run's own connection (an administrator's
 * {@code pg_terminate_backend}, a failover), so that the history table still shows the
 * attempt.
 */
@FunctionalInterface
public interface ConnectionSource {

	/**
	 * No other connection: a failure is recorded on the run's connection or not at all.
	 */
	ConnectionSource NONE = () -> {
		throw new SQLException("no other connection to the database is available");
	};

	/** A new connection, in autocommit, that the caller closes. */
	Connection open() throws SQLException;

}

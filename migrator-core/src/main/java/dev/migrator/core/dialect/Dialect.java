package dev.migrator.core.dialect;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** What the engine needs to know about one database: quoting, the state tables' DDL, timeouts and the run lock. */
public interface Dialect {

	/** The lower-case name used in settings and messages: {@code postgresql}, {@code sqlite}. */
	String name();

	/** Quotes an identifier so that any name, even a hostile one, stays one identifier. */
	default String quote(String identifier) {
		if (identifier.isEmpty()) {
			throw new IllegalArgumentException("An identifier cannot be empty");
		}
		if (identifier.indexOf('\0') >= 0) {
			throw new IllegalArgumentException("An identifier cannot contain a NUL character: '" + identifier + "'");
		}
		return '"' + identifier.replace("\"", "\"\"") + '"';
	}

	/** The quoted, schema-qualified name of a table. */
	default String qualify(Optional<String> schema, String table) {
		return schema.map((s) -> quote(s) + "." + quote(table)).orElseGet(() -> quote(table));
	}

	/** Statements that create the version and history tables (and their schema) if missing. */
	List<String> createStateTables(Optional<String> schema, String versionTable, String historyTable);

	/** Whether the table exists; read-only commands use it so that they never create anything. */
	boolean tableExists(Connection connection, Optional<String> schema, String table) throws SQLException;

	/**
	 * Applies lock and statement timeouts to what follows on the connection: to the current transaction when
	 * {@code inTransaction}, else to the session until {@link #resetTimeouts}.
	 */
	void applyTimeouts(Connection connection, Optional<Duration> lockTimeout, Optional<Duration> statementTimeout,
			boolean inTransaction) throws SQLException;

	/** Undoes session-level timeouts set by {@link #applyTimeouts} outside a transaction. */
	void resetTimeouts(Connection connection) throws SQLException;

	/** The statements that set timeouts in an offline script (comments where the dialect has no such setting). */
	List<String> offlineTimeouts(Optional<Duration> lockTimeout, Optional<Duration> statementTimeout);

	/** Takes the lock that serializes runners on one database, waiting up to {@code wait}. */
	RunLock acquireRunLock(Connection connection, String lockName, Duration wait) throws SQLException;

	void setInstant(PreparedStatement statement, int index, Instant value) throws SQLException;

	Instant getInstant(ResultSet resultSet, String column) throws SQLException;

	/** Offline scripts wrap a transactional revision in these. */
	default String beginTransaction() {
		return "BEGIN";
	}

	/** The expression an offline script uses for "now" in the history table. */
	default String currentTimestamp() {
		return "CURRENT_TIMESTAMP";
	}

	/** A SQL literal for an offline script; values are bound in online runs, never formatted like this. */
	default String literal(String value) {
		return "'" + value.replace("'", "''") + "'";
	}

}

package dev.migrator.core.backfill;

import dev.migrator.core.sql.DatabaseMessageRedaction;

import java.sql.SQLException;

/** What a failed batch says about the next attempt. */
enum FailureKind {

	/** The batch hit the statement timeout: fewer rows may fit. */
	TIMEOUT,

	/** The connection broke: a new one may work. */
	CONNECTION,

	/**
	 * A lock wait, deadlock or serialization conflict, or an error of unknown kind: the
	 * same batch may work later.
	 */
	TRANSIENT,

	/**
	 * Bad SQL, bad data or a missing privilege: every attempt would fail the same way.
	 */
	PERMANENT;

	// SQLite result codes: SQLITE_BUSY and SQLITE_LOCKED are waits that ran out;
	// SQLITE_ERROR is bad SQL.
	private static final int SQLITE_ERROR = 1;

	private static final int SQLITE_BUSY = 5;

	private static final int SQLITE_LOCKED = 6;

	/**
	 * The kind of a failure on a connection that may have closed under it: a closed
	 * connection is a connection failure whatever the error said.
	 */
	static FailureKind of(Throwable failure, boolean sqlite, boolean connectionClosed) {
		FailureKind kind = of(failure, sqlite);
		return (connectionClosed && kind != TIMEOUT) ? CONNECTION : kind;
	}

	static FailureKind of(Throwable failure, boolean sqlite) {
		SQLException sql = sqlException(failure);
		if (sql == null) {
			return TRANSIENT;
		}
		if (sqlite) {
			int code = sql.getErrorCode() & 0xff;
			if (code == SQLITE_BUSY || code == SQLITE_LOCKED) {
				return TRANSIENT;
			}
			return (code == SQLITE_ERROR) ? PERMANENT : TRANSIENT;
		}
		String state = (sql.getSQLState() != null) ? sql.getSQLState() : "";
		if (state.equals("57014")) {
			return TIMEOUT;
		}
		// 08: the connection failed; 57P01 to 57P03: an administrator shut the server
		// down or terminated this backend, or the server cannot take connections yet.
		// Either way this connection is gone and a new one from the pool may work.
		if (state.startsWith("08") || state.equals("57P01") || state.equals("57P02") || state.equals("57P03")) {
			return CONNECTION;
		}
		// Data exceptions, constraint violations, syntax or access errors, unsupported
		// features.
		if (state.startsWith("22") || state.startsWith("23") || state.startsWith("42") || state.startsWith("0A")) {
			return PERMANENT;
		}
		return TRANSIENT;
	}

	static String describe(Throwable failure) {
		SQLException sql = sqlException(failure);
		if (sql != null) {
			String state = (sql.getSQLState() != null) ? " [SQLState " + sql.getSQLState() + "]" : "";
			return DatabaseMessageRedaction.redact(sql.getMessage()) + state;
		}
		return failure.getClass().getName() + ": " + DatabaseMessageRedaction.redact(failure.getMessage());
	}

	private static SQLException sqlException(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof SQLException sql) {
				return sql;
			}
		}
		return null;
	}

}

package dev.migrator.core.dialect;

import dev.migrator.core.error.ErrorCode;

import dev.migrator.core.op.InvalidOperationException;
import dev.migrator.core.op.Operation;
import dev.migrator.core.script.StatementTraits;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.Temporal;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;

/**
 * What the engine needs to know about one database: quoting, the state tables' DDL,
 * timeouts and the run lock.
 */
public interface Dialect {

	/**
	 * The lower-case name used in settings and messages: {@code postgresql},
	 * {@code sqlite}.
	 */
	String name();

	/**
	 * Quotes an identifier so that any name, even a hostile one, stays one identifier.
	 */
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

	/**
	 * Statements that create the version and history tables (and their schema) if
	 * missing.
	 */
	List<String> createStateTables(Optional<String> schema, String versionTable, String historyTable);

	/**
	 * The statement that creates the clients table, where running application instances
	 * record themselves, if missing. The job runs it with the state tables, so that a web
	 * application needs no more than DML on it.
	 */
	default String createClientsTable(Optional<String> schema, String clientsTable) {
		return "CREATE TABLE IF NOT EXISTS " + qualify(schema, clientsTable)
				+ " (instance_id varchar(255) NOT NULL PRIMARY KEY, application varchar(255) NOT NULL, "
				+ "version varchar(255) NOT NULL, heads text NOT NULL, registered_at " + instantColumnType()
				+ " NOT NULL, heartbeat_at " + instantColumnType() + " NOT NULL)";
	}

	/**
	 * Statements that create the statement progress table if missing (the schema exists
	 * by then): one row per statement of a revision that commits as it goes.
	 */
	default List<String> createProgressTable(Optional<String> schema, String progressTable) {
		return List.of("CREATE TABLE IF NOT EXISTS " + qualify(schema, progressTable) + " ("
				+ "revision varchar(255) NOT NULL, direction varchar(16) NOT NULL, statement_index integer NOT NULL, "
				+ "line integer NOT NULL, checksum varchar(64) NOT NULL, state varchar(16) NOT NULL, "
				+ "PRIMARY KEY (revision, direction, statement_index))");
	}

	/**
	 * Whether the server refuses the statement inside a transaction block or would do it
	 * differently there, so that it cannot commit together with its progress row; by
	 * default what {@link #runsOutsideTransaction} says.
	 */
	default boolean needsAutocommit(StatementTraits statement, OptionalInt serverMajorVersion) {
		return runsOutsideTransaction(statement, serverMajorVersion);
	}

	/**
	 * Whether the index exists and is valid, as a completed concurrent build leaves it;
	 * false where this cannot be told.
	 */
	default boolean isValidIndex(Connection connection, Optional<String> schema, String index) throws SQLException {
		return false;
	}

	/**
	 * Whether the table exists; read-only commands use it so that they never create
	 * anything.
	 */
	boolean tableExists(Connection connection, Optional<String> schema, String table) throws SQLException;

	/**
	 * Applies lock and statement timeouts to what follows on the connection, for the
	 * current transaction when {@code inTransaction}, else for the session; closing the
	 * returned scope puts back what was there before, so a revision's own timeouts never
	 * carry over to the next one.
	 */
	TimeoutScope applyTimeouts(Connection connection, Optional<Duration> lockTimeout,
			Optional<Duration> statementTimeout, boolean inTransaction) throws SQLException;

	/**
	 * Statements that set the lock and statement timeouts for the current transaction
	 * alone and that the driver takes in one text, in one round trip, with the statement
	 * that follows them; empty where timeouts are set only by {@link #applyTimeouts}.
	 * Applying a revision of one statement then costs no round trip for its timeouts.
	 */
	default Optional<List<String>> transactionTimeouts(Optional<Duration> lockTimeout,
			Optional<Duration> statementTimeout) {
		return Optional.empty();
	}

	/**
	 * The statements that set timeouts in an offline script, for the transaction when
	 * {@code inTransaction}, else for the session.
	 */
	List<String> offlineTimeouts(Optional<Duration> lockTimeout, Optional<Duration> statementTimeout,
			boolean inTransaction);

	/** The statements that undo session-level timeouts in an offline script. */
	List<String> offlineTimeoutReset(Optional<Duration> lockTimeout, Optional<Duration> statementTimeout);

	/**
	 * The lock timeout a revision's statements run under when neither the revision nor
	 * the run sets one: short on PostgreSQL, so that DDL never waits in the lock queue
	 * while every other query queues behind it; none where lock waits cannot block others
	 * that way.
	 */
	default Optional<Duration> defaultLockTimeout() {
		return Optional.empty();
	}

	/**
	 * The lock timeout of a revision in an offline script when neither the revision nor
	 * the run sets one: nothing there retries a statement that gives up, so it may be
	 * longer than {@link #defaultLockTimeout()}; the same by default.
	 */
	default Optional<Duration> offlineLockTimeout() {
		return defaultLockTimeout();
	}

	/**
	 * Whether the error is a statement giving up waiting for a lock, which a later
	 * attempt may not meet.
	 */
	default boolean isLockTimeout(SQLException error) {
		return false;
	}

	/**
	 * Whether the driver sends the statements of one prepared text, with their bound
	 * parameters, in one round trip, stopping at the first that fails (PgJDBC does), so
	 * that a step's bookkeeping and its commit travel with its last statement; false by
	 * default.
	 */
	default boolean sendsStatementsInOneText() {
		return false;
	}

	/**
	 * The table lock the statement takes before it does anything, where its text tells
	 * and the lock is one that can hold up other sessions' writes while the statement
	 * waits for it; empty where this is not known or not needed.
	 */
	default Optional<TableLock> tableLock(String sql) {
		return Optional.empty();
	}

	/**
	 * A statement that takes the lock {@link #tableLock(String)} reads from {@code sql}
	 * without entering the lock queue: it takes the lock at once, or fails at once where
	 * another session holds a conflicting lock. Sent in one text with {@code sql}, it
	 * spares the look at the lock's holders when nobody holds one; empty where the
	 * dialect has none, or where it would lock more than the statement does.
	 */
	default Optional<String> lockWithoutWaiting(String sql) {
		return Optional.empty();
	}

	/**
	 * Whether a transaction that sent {@link #lockWithoutWaiting(String)} may have failed
	 * on that lock (it was held, or the relation cannot be locked so, or does not exist
	 * yet), so that the transaction is to run again the ordinary way, which says what is
	 * really wrong if anything is.
	 */
	default boolean mayBeLockNotTakenWithoutWaiting(SQLException error) {
		return false;
	}

	/**
	 * The other sessions whose transactions hold a lock on the table that conflicts with
	 * {@code lock} and have been open for longer than {@code openFor}, the oldest first;
	 * none where this cannot be told.
	 */
	default List<LockHolder> lockHolders(Connection connection, TableLock lock, Duration openFor) throws SQLException {
		return List.of();
	}

	/**
	 * {@link #lockHolders(Connection, TableLock, Duration)} after the statements, which
	 * come from {@link #transactionTimeouts}: where the driver allows, in the same round
	 * trip.
	 */
	default List<LockHolder> lockHolders(Connection connection, TableLock lock, Duration openFor,
			List<String> sentFirst) throws SQLException {
		if (!sentFirst.isEmpty()) {
			try (Statement statement = connection.createStatement()) {
				for (String each : sentFirst) {
					statement.execute(each);
				}
			}
		}
		return lockHolders(connection, lock, openFor);
	}

	/**
	 * Whether the server refuses the statement inside a transaction block, so that a
	 * transactional revision runs it in autocommit between its transactional parts; none
	 * by default.
	 * @param statement the statement's traits, read when it was parsed
	 * @param serverMajorVersion the server's major version; empty for an offline script,
	 * which is taken to run on a current server
	 */
	default boolean runsOutsideTransaction(StatementTraits statement, OptionalInt serverMajorVersion) {
		return false;
	}

	/**
	 * Whether an index of that name exists and is unusable, as a failed or interrupted
	 * concurrent build leaves it; always false where indexes cannot be in that state.
	 */
	default boolean isInvalidIndex(Connection connection, Optional<String> schema, String index) throws SQLException {
		return false;
	}

	/**
	 * Takes the lock that serializes runners on one database, waiting up to {@code wait}.
	 */
	RunLock acquireRunLock(Connection connection, String lockName, Duration wait) throws SQLException;

	void setInstant(PreparedStatement statement, int index, Instant value) throws SQLException;

	/**
	 * The column type the engine's own tables keep an instant in, as {@link #setInstant}
	 * writes it.
	 */
	default String instantColumnType() {
		return "text";
	}

	Instant getInstant(ResultSet resultSet, String column) throws SQLException;

	/** Offline scripts wrap a transactional revision in these. */
	default String beginTransaction() {
		return "BEGIN";
	}

	/** The expression an offline script uses for "now" in the history table. */
	default String currentTimestamp() {
		return "CURRENT_TIMESTAMP";
	}

	/**
	 * A SQL literal for an offline script; values are bound in online runs, never
	 * formatted like this.
	 */
	default String literal(String value) {
		return "'" + value.replace("'", "''") + "'";
	}

	/**
	 * Renders an operation, already named by the naming convention, to the statements
	 * that perform it. Fails with an {@link InvalidOperationException} naming the
	 * operation and the dialect when it cannot be expressed here, before anything runs.
	 */
	default List<RenderedStatement> render(Operation operation, RenderContext context) {
		throw new InvalidOperationException(ErrorCode.UNSUPPORTED_BY_DIALECT,
				operation.describe() + ": the " + name() + " dialect renders no operations.");
	}

	/**
	 * The schema behind the connection, for operations that read a table's definition
	 * before changing it.
	 */
	default LiveSchema liveSchema(Connection connection) {
		return LiveSchema.offline();
	}

	/**
	 * Binds one operation value ({@code null}, string, number, boolean, UUID, java.time
	 * value, byte[]).
	 */
	default void bind(PreparedStatement statement, int index, Object value) throws SQLException {
		statement.setObject(index, value);
	}

	/**
	 * A value as a SQL literal, for DDL (which cannot bind) and offline scripts; online
	 * statements bind values instead.
	 */
	default String literalValue(Object value) {
		if (value == null) {
			return "NULL";
		}
		if (value instanceof String text) {
			return literal(text);
		}
		if (value instanceof Boolean flag) {
			return flag ? "TRUE" : "FALSE";
		}
		if (value instanceof BigDecimal decimal) {
			return decimal.toPlainString();
		}
		if (value instanceof Double || value instanceof Float) {
			double number = ((Number) value).doubleValue();
			if (Double.isNaN(number) || Double.isInfinite(number)) {
				throw new InvalidOperationException(ErrorCode.INVALID_VALUE,
						"The value " + value + " has no SQL literal.");
			}
			return BigDecimal.valueOf(number).toPlainString();
		}
		if (value instanceof Number) {
			return value.toString();
		}
		if (value instanceof UUID || value instanceof Temporal) {
			return literal(value.toString());
		}
		if (value instanceof byte[] bytes) {
			return "X'" + HexFormat.of().formatHex(bytes) + "'";
		}
		throw new InvalidOperationException(ErrorCode.INVALID_VALUE,
				"A value of type " + value.getClass().getName() + " has no SQL literal on " + name() + ".");
	}

}

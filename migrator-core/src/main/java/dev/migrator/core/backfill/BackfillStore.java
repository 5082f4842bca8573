package dev.migrator.core.backfill;

import dev.migrator.core.dialect.Dialect;
import dev.migrator.core.sql.DatabaseMessageRedaction;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;

// Over 300 lines: every statement on the progress table, so that its columns are named in one place.
/**
 * The progress table: one row per backfill with its state, last committed key and counts.
 * Every method works in the caller's transaction (or autocommit), so that a batch's
 * progress commits together with the batch.
 */
public final class BackfillStore {

	private static final int MAX_ERROR_LENGTH = 4000;

	// Columns added after the table's first release: a table created before them gets
	// them from the next worker that starts, and reads before that go without.
	private static final String ACTIVE_MILLIS = "active_millis";

	private static final String ACTIVE_SINCE = "active_since";

	private final Dialect dialect;

	private final BackfillTables tables;

	private final String qualified;

	public BackfillStore(Dialect dialect, BackfillTables tables) {
		this.dialect = dialect;
		this.tables = tables;
		this.qualified = dialect.qualify(tables.schema(), tables.progressTable());
	}

	public Dialect dialect() {
		return this.dialect;
	}

	public BackfillTables tables() {
		return this.tables;
	}

	/**
	 * Whether PostgreSQL coordinates workers through the chunk table here; on SQLite one
	 * process runs a backfill.
	 */
	boolean hasChunks() {
		return !isSqlite();
	}

	/** Creates the tables if missing; on a connection in autocommit. */
	public void createTables(Connection connection) throws SQLException {
		if (isSqlite()) {
			try (Statement statement = connection.createStatement()) {
				for (String ddl : ddl()) {
					statement.execute(ddl);
				}
				addActiveTimeColumns(connection, statement);
			}
			return;
		}
		// Two workers starting at once would both try to create the tables, and one
		// CREATE TABLE IF NOT EXISTS
		// fails on the catalog's unique index when they race: serialize them.
		connection.setAutoCommit(false);
		try (PreparedStatement lock = connection.prepareStatement("SELECT pg_advisory_xact_lock(hashtext(?))");
				Statement statement = connection.createStatement()) {
			lock.setString(1, "migrator:backfill:" + this.qualified);
			lock.executeQuery().close();
			for (String ddl : ddl()) {
				statement.execute(ddl);
			}
			addActiveTimeColumns(connection, statement);
			connection.commit();
		}
		catch (SQLException | RuntimeException ex) {
			connection.rollback();
			throw ex;
		}
		finally {
			connection.setAutoCommit(true);
		}
	}

	private void addActiveTimeColumns(Connection connection, Statement statement) throws SQLException {
		Set<String> columns = columns(connection);
		if (!columns.contains(ACTIVE_MILLIS)) {
			statement.execute("ALTER TABLE " + this.qualified + " ADD COLUMN " + ACTIVE_MILLIS + " bigint");
		}
		if (!columns.contains(ACTIVE_SINCE)) {
			statement.execute("ALTER TABLE " + this.qualified + " ADD COLUMN " + ACTIVE_SINCE + " " + timeType());
		}
	}

	private Set<String> columns(Connection connection) throws SQLException {
		try (Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery("SELECT * FROM " + this.qualified + " WHERE 1 = 0")) {
			return columnNames(rs);
		}
	}

	private static Set<String> columnNames(ResultSet rs) throws SQLException {
		ResultSetMetaData metaData = rs.getMetaData();
		Set<String> names = new HashSet<>();
		for (int i = 1; i <= metaData.getColumnCount(); i++) {
			names.add(metaData.getColumnName(i).toLowerCase(Locale.ROOT));
		}
		return names;
	}

	public boolean exists(Connection connection) throws SQLException {
		return this.dialect.tableExists(connection, this.tables.schema(), this.tables.progressTable());
	}

	/**
	 * Forgets a backfill: its progress row and its chunks, so that it runs again from the
	 * start once its revision is applied again. For a downgrade of that revision, on the
	 * downgrade's connection.
	 */
	public void discard(Connection connection, String name) throws SQLException {
		if (!exists(connection)) {
			return;
		}
		if (hasChunks()) {
			try (PreparedStatement statement = connection.prepareStatement("DELETE FROM "
					+ this.dialect.qualify(this.tables.schema(), this.tables.chunkTable()) + " WHERE backfill = ?")) {
				statement.setString(1, name);
				statement.executeUpdate();
			}
		}
		try (PreparedStatement statement = connection
			.prepareStatement("DELETE FROM " + this.qualified + " WHERE name = ?")) {
			statement.setString(1, name);
			statement.executeUpdate();
		}
	}

	/** Adds a backfill's row as pending unless it has one. */
	public void register(Connection connection, String name, String revision, String table) throws SQLException {
		String insert = (isSqlite() ? "INSERT OR IGNORE INTO " : "INSERT INTO ") + this.qualified
				+ " (name, revision, table_name, state, rows_done, rows_scanned, updated_at) VALUES (?, ?, ?, ?, 0, 0, ?)"
				+ (isSqlite() ? "" : " ON CONFLICT (name) DO NOTHING");
		try (PreparedStatement statement = connection.prepareStatement(insert)) {
			statement.setString(1, name);
			statement.setString(2, revision);
			statement.setString(3, table);
			statement.setString(4, BackfillState.PENDING.label());
			this.dialect.setInstant(statement, 5, Instant.now());
			statement.executeUpdate();
		}
	}

	public Optional<ProgressRow> read(Connection connection, String name) throws SQLException {
		try (PreparedStatement statement = connection
			.prepareStatement("SELECT * FROM " + this.qualified + " WHERE name = ?")) {
			statement.setString(1, name);
			try (ResultSet rs = statement.executeQuery()) {
				return rs.next() ? Optional.of(row(rs, columnNames(rs))) : Optional.empty();
			}
		}
	}

	/** Every row by name; none when the table does not exist yet. Reads only. */
	public Map<String, ProgressRow> readAll(Connection connection) throws SQLException {
		Map<String, ProgressRow> rows = new LinkedHashMap<>();
		if (!exists(connection)) {
			return rows;
		}
		try (Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery("SELECT * FROM " + this.qualified + " ORDER BY name")) {
			Set<String> columns = columnNames(rs);
			while (rs.next()) {
				ProgressRow row = row(rs, columns);
				rows.put(row.name(), row);
			}
		}
		return rows;
	}

	public BackfillState state(Connection connection, String name) throws SQLException {
		try (PreparedStatement statement = connection
			.prepareStatement("SELECT state FROM " + this.qualified + " WHERE name = ?")) {
			statement.setString(1, name);
			try (ResultSet rs = statement.executeQuery()) {
				if (!rs.next()) {
					throw new IllegalStateException("Backfill " + name + " has no row in " + this.qualified);
				}
				return state(rs.getString(1));
			}
		}
	}

	/**
	 * Moves a backfill from one of {@code from} to {@code to}; returns the state it left,
	 * or empty when it was in none of them. Starting sets the start time; resuming clears
	 * the error.
	 */
	public Optional<BackfillState> transition(Connection connection, String name, Set<BackfillState> from,
			BackfillState to) throws SQLException {
		// Compare-and-set on the state read, retried when another worker or command
		// changed it in between.
		for (int attempt = 0; attempt < 10; attempt++) {
			ProgressRow row = read(connection, name)
				.orElseThrow(() -> new IllegalStateException("Backfill " + name + " has no row in " + this.qualified));
			BackfillState current = row.state();
			if (!from.contains(current)) {
				return Optional.empty();
			}
			String extra = switch (to) {
				case RUNNING -> ", started_at = coalesce(started_at, ?)";
				case PENDING -> ", last_error = NULL, throttle = NULL";
				case PAUSED, CANCELLED, DONE -> ", throttle = NULL";
				default -> "";
			};
			Instant now = Instant.now();
			Optional<ActiveTime> active = row.tracksActiveTime() ? Optional.of(activeTime(row, to, now))
					: Optional.empty();
			if (active.isPresent()) {
				extra += ", " + ACTIVE_MILLIS + " = ?, " + ACTIVE_SINCE
						+ (active.get().since().isPresent() ? " = ?" : " = NULL");
			}
			try (PreparedStatement statement = connection.prepareStatement("UPDATE " + this.qualified
					+ " SET state = ?, updated_at = ?" + extra + " WHERE name = ? AND state = ?")) {
				int index = 1;
				statement.setString(index++, to.label());
				this.dialect.setInstant(statement, index++, now);
				if (to == BackfillState.RUNNING) {
					this.dialect.setInstant(statement, index++, now);
				}
				if (active.isPresent()) {
					statement.setLong(index++, active.get().millis());
					if (active.get().since().isPresent()) {
						this.dialect.setInstant(statement, index++, active.get().since().get());
					}
				}
				statement.setString(index++, name);
				statement.setString(index, current.label());
				if (statement.executeUpdate() == 1) {
					return Optional.of(current);
				}
			}
		}
		throw new IllegalStateException("The state of backfill " + name + " keeps changing under this update");
	}

	/**
	 * The running time to store with a move to {@code to}: a stretch of running ends when
	 * the backfill leaves {@code running}, or, when a process died in it, at its last
	 * update; a new stretch starts when it enters {@code running}. Paused, pending and
	 * stopped time is left out, so that rows per second and the ETA are those of work.
	 */
	private static ActiveTime activeTime(ProgressRow row, BackfillState to, Instant now) {
		long closed = row.activeMillis().orElse(0);
		// A row from before these columns has run since it started.
		Optional<Instant> since = row.activeSince()
			.or(() -> row.activeMillis().isPresent() ? Optional.empty() : row.startedAt());
		if (to == BackfillState.RUNNING) {
			Instant end = row.updatedAt().orElse(now);
			closed += since.map((start) -> Math.max(0, Duration.between(start, end).toMillis())).orElse(0L);
			return new ActiveTime(closed, Optional.of(now));
		}
		if (row.state() == BackfillState.RUNNING) {
			closed += since.map((start) -> Math.max(0, Duration.between(start, now).toMillis())).orElse(0L);
		}
		return new ActiveTime(closed, Optional.empty());
	}

	/**
	 * Takes SQLite's write lock at the start of a batch's transaction, so that the
	 * progress read next cannot be stale by the time the batch commits. PostgreSQL locks
	 * the claimed chunk instead.
	 */
	void lockForWrite(Connection connection, String name) throws SQLException {
		try (PreparedStatement statement = connection
			.prepareStatement("UPDATE " + this.qualified + " SET updated_at = updated_at WHERE name = ?")) {
			statement.setString(1, name);
			statement.executeUpdate();
		}
	}

	/**
	 * Adds a committed batch's counts in the batch's transaction; returns the totals
	 * after it.
	 */
	Totals recordBatch(Connection connection, String name, String lastKey, long rows, long scanned, int batchSize)
			throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement("UPDATE " + this.qualified
				+ " SET last_key = ?, rows_done = rows_done + ?, rows_scanned = rows_scanned + ?, batch_size = ?, "
				+ "updated_at = ?, last_error = NULL WHERE name = ?")) {
			statement.setString(1, lastKey);
			statement.setLong(2, rows);
			statement.setLong(3, scanned);
			statement.setInt(4, batchSize);
			this.dialect.setInstant(statement, 5, Instant.now());
			statement.setString(6, name);
			statement.executeUpdate();
		}
		try (PreparedStatement statement = connection.prepareStatement(
				"SELECT rows_done, rows_scanned, estimated_total FROM " + this.qualified + " WHERE name = ?")) {
			statement.setString(1, name);
			try (ResultSet rs = statement.executeQuery()) {
				rs.next();
				long estimate = rs.getLong(3);
				return new Totals(rs.getLong(1), rs.getLong(2),
						rs.wasNull() ? OptionalLong.empty() : OptionalLong.of(estimate));
			}
		}
	}

	void estimate(Connection connection, String name, long total) throws SQLException {
		update(connection, name, "estimated_total = ?", (statement) -> statement.setLong(1, total));
	}

	void batchSize(Connection connection, String name, int size) throws SQLException {
		update(connection, name, "batch_size = ?", (statement) -> statement.setInt(1, size));
	}

	/** Shows (or clears) why the backfill waits for replicas. */
	void throttle(Connection connection, String name, Optional<String> reason) throws SQLException {
		update(connection, name, "throttle = ?", (statement) -> statement.setString(1, reason.orElse(null)));
	}

	/** Records an error that was retried, so that status shows what is going on. */
	void noteError(Connection connection, String name, String error) throws SQLException {
		update(connection, name, "last_error = ?", (statement) -> statement.setString(1, truncate(error)));
	}

	/** Stops the backfill as failed with its error, unless a command stopped it first. */
	boolean fail(Connection connection, String name, String error) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement("UPDATE " + this.qualified
				+ " SET state = ?, last_error = ?, throttle = NULL, updated_at = ? WHERE name = ? AND state IN (?, ?)")) {
			statement.setString(1, BackfillState.FAILED.label());
			statement.setString(2, truncate(error));
			this.dialect.setInstant(statement, 3, Instant.now());
			statement.setString(4, name);
			statement.setString(5, BackfillState.RUNNING.label());
			statement.setString(6, BackfillState.PENDING.label());
			return statement.executeUpdate() == 1;
		}
	}

	private void update(Connection connection, String name, String assignment, Binder binder) throws SQLException {
		try (PreparedStatement statement = connection
			.prepareStatement("UPDATE " + this.qualified + " SET " + assignment + ", updated_at = ? WHERE name = ?")) {
			binder.bind(statement);
			this.dialect.setInstant(statement, 2, Instant.now());
			statement.setString(3, name);
			statement.executeUpdate();
		}
	}

	private ProgressRow row(ResultSet rs, Set<String> columns) throws SQLException {
		long estimate = rs.getLong("estimated_total");
		OptionalLong estimatedTotal = rs.wasNull() ? OptionalLong.empty() : OptionalLong.of(estimate);
		int size = rs.getInt("batch_size");
		OptionalInt batchSize = rs.wasNull() ? OptionalInt.empty() : OptionalInt.of(size);
		boolean tracksActiveTime = columns.contains(ACTIVE_MILLIS) && columns.contains(ACTIVE_SINCE);
		OptionalLong activeMillis = OptionalLong.empty();
		Optional<Instant> activeSince = Optional.empty();
		if (tracksActiveTime) {
			long millis = rs.getLong(ACTIVE_MILLIS);
			activeMillis = rs.wasNull() ? OptionalLong.empty() : OptionalLong.of(millis);
			activeSince = instant(rs, ACTIVE_SINCE);
		}
		return new ProgressRow(rs.getString("name"), nonNull(rs.getString("revision")), rs.getString("table_name"),
				state(rs.getString("state")), Optional.ofNullable(rs.getString("last_key")), rs.getLong("rows_done"),
				rs.getLong("rows_scanned"), estimatedTotal, batchSize, Optional.ofNullable(rs.getString("throttle")),
				instant(rs, "started_at"), instant(rs, "updated_at"), Optional.ofNullable(rs.getString("last_error")),
				tracksActiveTime, activeMillis, activeSince);
	}

	private Optional<Instant> instant(ResultSet rs, String column) throws SQLException {
		return (rs.getObject(column) == null) ? Optional.empty() : Optional.of(this.dialect.getInstant(rs, column));
	}

	private BackfillState state(String label) {
		return BackfillState.fromLabel(label)
			.orElseThrow(
					() -> new IllegalStateException("Unknown backfill state '" + label + "' in " + this.qualified));
	}

	private List<String> ddl() {
		List<String> statements = new ArrayList<>();
		boolean sqlite = isSqlite();
		String time = timeType();
		if (!sqlite) {
			this.tables.schema()
				.ifPresent((s) -> statements.add("CREATE SCHEMA IF NOT EXISTS " + this.dialect.quote(s)));
		}
		statements.add("CREATE TABLE IF NOT EXISTS " + this.qualified + " (name varchar(255) NOT NULL PRIMARY KEY, "
				+ "revision varchar(255), table_name varchar(255) NOT NULL, state varchar(16) NOT NULL, "
				+ "last_key text, rows_done bigint NOT NULL DEFAULT 0, rows_scanned bigint NOT NULL DEFAULT 0, "
				+ "estimated_total bigint, batch_size integer, throttle text, started_at " + time + ", updated_at "
				+ time + " NOT NULL, last_error text, " + ACTIVE_MILLIS + " bigint, " + ACTIVE_SINCE + " " + time
				+ ")");
		if (!sqlite) {
			statements.add(ChunkTable.ddl(this.dialect, this.tables));
		}
		return statements;
	}

	private String timeType() {
		return isSqlite() ? "text" : "timestamp with time zone";
	}

	private boolean isSqlite() {
		return "sqlite".equals(this.dialect.name());
	}

	/**
	 * The error as stored: without row values or secrets, and not longer than the column.
	 */
	private static String truncate(String error) {
		String text = DatabaseMessageRedaction.redact(error);
		return (text.length() <= MAX_ERROR_LENGTH) ? text : text.substring(0, MAX_ERROR_LENGTH - 1) + "…";
	}

	private static String nonNull(String text) {
		return (text != null) ? text : "";
	}

	/** Binds the first parameter of an update. */
	@FunctionalInterface
	private interface Binder {

		void bind(PreparedStatement statement) throws SQLException;

	}

	/** The running time to store: finished stretches, and when the current one began. */
	private record ActiveTime(long millis, Optional<Instant> since) {
	}

	/** The backfill's counts after a batch, across all workers. */
	record Totals(long rowsDone, long rowsScanned, OptionalLong estimatedTotal) {
	}

}

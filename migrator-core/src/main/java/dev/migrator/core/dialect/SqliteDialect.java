package dev.migrator.core.dialect;

import dev.migrator.core.op.Operation;
import dev.migrator.core.script.StatementTraits;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

import dev.migrator.core.sql.DurationText;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;

/**
 * SQLite: transactional DDL, busy timeout for lock waits, and a run lock that holds
 * across processes and dies with its process.
 *
 * <p>
 * The run lock is an OS file lock on a file beside the database, not a transaction held
 * for the whole run: a held write transaction would force every revision into one
 * transaction and make non-transactional statements ({@code VACUUM},
 * {@code PRAGMA foreign_keys}) impossible. Each revision still runs in its own
 * transaction.
 */
public final class SqliteDialect implements Dialect {

	private static final Map<Path, ReentrantLock> IN_PROCESS = new ConcurrentHashMap<>();

	private final SqliteDdl ddl = new SqliteDdl(this);

	@Override
	public String name() {
		return "sqlite";
	}

	@Override
	public String qualify(Optional<String> schema, String table) {
		// An attached database plays the part of a schema; "main" is the database file
		// itself.
		return schema.filter((s) -> !"main".equals(s))
			.map((s) -> quote(s) + "." + quote(table))
			.orElseGet(() -> quote(table));
	}

	@Override
	public List<String> createStateTables(Optional<String> schema, String versionTable, String historyTable) {
		List<String> statements = new ArrayList<>();
		statements.add("CREATE TABLE IF NOT EXISTS " + qualify(schema, versionTable)
				+ " (version_num varchar(255) NOT NULL PRIMARY KEY)");
		statements.add("CREATE TABLE IF NOT EXISTS " + qualify(schema, historyTable) + " ("
				+ "id INTEGER PRIMARY KEY AUTOINCREMENT, " + "revision varchar(255) NOT NULL, "
				+ "direction varchar(16) NOT NULL, " + "checksum varchar(64), " + "started_at text NOT NULL, "
				+ "finished_at text, " + "duration_ms bigint, " + "run_by varchar(255) NOT NULL, "
				+ "outcome varchar(16) NOT NULL, " + "error text)");
		return statements;
	}

	@Override
	public boolean tableExists(Connection connection, Optional<String> schema, String table) throws SQLException {
		String master = schema.filter((s) -> !"main".equals(s))
			.map((s) -> quote(s) + ".sqlite_master")
			.orElse("sqlite_master");
		try (PreparedStatement statement = connection
			.prepareStatement("SELECT 1 FROM " + master + " WHERE type = 'table' AND name = ?")) {
			statement.setString(1, table);
			try (ResultSet rs = statement.executeQuery()) {
				return rs.next();
			}
		}
	}

	@Override
	public TimeoutScope applyTimeouts(Connection connection, Optional<Duration> lockTimeout,
			Optional<Duration> statementTimeout, boolean inTransaction) throws SQLException {
		// SQLite has no statement timeout setting; lock waits are the busy timeout, a
		// connection setting that
		// outlives transactions, so the previous value is put back afterwards.
		if (lockTimeout.isEmpty()) {
			return TimeoutScope.NONE;
		}
		long previous;
		try (Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery("PRAGMA busy_timeout")) {
			previous = rs.next() ? rs.getLong(1) : 0;
		}
		setBusyTimeout(connection, lockTimeout.get().toMillis());
		return () -> setBusyTimeout(connection, previous);
	}

	private static void setBusyTimeout(Connection connection, long millis) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			statement.execute("PRAGMA busy_timeout = " + millis);
		}
	}

	@Override
	public List<String> offlineTimeouts(Optional<Duration> lockTimeout, Optional<Duration> statementTimeout,
			boolean inTransaction) {
		List<String> statements = new ArrayList<>();
		lockTimeout.ifPresent((d) -> statements.add("PRAGMA busy_timeout = " + d.toMillis()));
		return statements;
	}

	@Override
	public List<String> offlineTimeoutReset(Optional<Duration> lockTimeout, Optional<Duration> statementTimeout) {
		return List.of();
	}

	/** SQLite refuses {@code VACUUM} inside a transaction. */
	@Override
	public boolean runsOutsideTransaction(StatementTraits statement, OptionalInt serverMajorVersion) {
		return statement.kind() == StatementTraits.Kind.VACUUM;
	}

	@Override
	public boolean needsAutocommit(StatementTraits statement, OptionalInt serverMajorVersion) {
		// Most pragmas (foreign_keys, journal_mode) do nothing inside a transaction.
		return statement.kind() == StatementTraits.Kind.VACUUM || statement.kind() == StatementTraits.Kind.PRAGMA;
	}

	@Override
	public RunLock acquireRunLock(Connection connection, String lockName, Duration wait) throws SQLException {
		Optional<Path> file = databaseFile(connection);
		try (Statement statement = connection.createStatement()) {
			statement.execute("PRAGMA busy_timeout = " + Math.max(wait.toMillis(), 1000));
		}
		if (file.isEmpty()) {
			// An in-memory database belongs to one connection: nobody else can run
			// against it.
			return () -> {
			};
		}
		Path lockFile = file.get().resolveSibling(file.get().getFileName() + ".migrator-lock");
		ReentrantLock local = IN_PROCESS.computeIfAbsent(lockFile.toAbsolutePath().normalize(),
				(p) -> new ReentrantLock());
		long deadline = System.nanoTime() + wait.toNanos();
		RunLockWaitReport report = new RunLockWaitReport(lockFile.toString(), wait,
				() -> "another runner (SQLite does not say which process; the lock is released when it ends)");
		try {
			if (!local.tryLock()) {
				report.stillWaiting();
				if (!local.tryLock(wait.toMillis(), TimeUnit.MILLISECONDS)) {
					throw timeout(lockFile, wait);
				}
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new RunLockTimeoutException("Interrupted while waiting for the migration lock " + lockFile);
		}
		try {
			FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
			long pause = 20;
			while (true) {
				FileLock lock = channel.tryLock();
				if (lock != null) {
					return () -> {
						try {
							lock.release();
							channel.close();
						}
						catch (IOException ex) {
							// Closing the channel releases the OS lock; nothing more can
							// be done here.
						}
						finally {
							local.unlock();
						}
					};
				}
				if (System.nanoTime() >= deadline) {
					channel.close();
					throw timeout(lockFile, wait);
				}
				report.stillWaiting();
				Thread.sleep(pause);
				pause = Math.min(pause * 2, 500);
			}
		}
		catch (IOException ex) {
			local.unlock();
			throw new SQLException("Cannot open the migration lock file " + lockFile + ": " + ex.getMessage(), ex);
		}
		catch (InterruptedException ex) {
			local.unlock();
			Thread.currentThread().interrupt();
			throw new RunLockTimeoutException("Interrupted while waiting for the migration lock " + lockFile);
		}
		catch (RuntimeException ex) {
			local.unlock();
			throw ex;
		}
	}

	private static RunLockTimeoutException timeout(Path lockFile, Duration wait) {
		return new RunLockTimeoutException("Another runner has held the migration lock " + lockFile
				+ " for longer than " + DurationText.format(wait)
				+ ". Wait for it to finish; the lock is released when that process ends.");
	}

	private static Optional<Path> databaseFile(Connection connection) throws SQLException {
		try (Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery("PRAGMA database_list")) {
			while (rs.next()) {
				if ("main".equals(rs.getString("name"))) {
					String file = rs.getString("file");
					return (file == null || file.isBlank()) ? Optional.empty() : Optional.of(Path.of(file));
				}
			}
		}
		return Optional.empty();
	}

	@Override
	public void setInstant(PreparedStatement statement, int index, Instant value) throws SQLException {
		statement.setString(index, value.toString());
	}

	@Override
	public Instant getInstant(ResultSet resultSet, String column) throws SQLException {
		String value = resultSet.getString(column);
		return (value != null) ? Instant.parse(value) : Instant.EPOCH;
	}

	@Override
	public String currentTimestamp() {
		return "strftime('%Y-%m-%dT%H:%M:%fZ', 'now')";
	}

	@Override
	public List<RenderedStatement> render(Operation operation, RenderContext context) {
		return this.ddl.render(operation, context);
	}

	@Override
	public LiveSchema liveSchema(Connection connection) {
		return new SqliteSchemaReader(connection);
	}

	@Override
	public void bind(PreparedStatement statement, int index, Object value) throws SQLException {
		// SQLite has no boolean, UUID or date types: store what the column's affinity
		// keeps as written.
		if (value instanceof Boolean flag) {
			statement.setInt(index, flag ? 1 : 0);
		}
		else if (value instanceof UUID || value instanceof Temporal) {
			statement.setString(index, value.toString());
		}
		else {
			statement.setObject(index, value);
		}
	}

	@Override
	public String literalValue(Object value) {
		if (value instanceof Boolean flag) {
			return flag ? "1" : "0";
		}
		return Dialect.super.literalValue(value);
	}

}

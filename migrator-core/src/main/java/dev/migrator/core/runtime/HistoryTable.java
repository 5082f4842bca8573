package dev.migrator.core.runtime;

import dev.migrator.core.dialect.Dialect;
import dev.migrator.core.runtime.HistoryEntry.Action;
import dev.migrator.core.runtime.HistoryEntry.Outcome;
import dev.migrator.core.sql.DatabaseMessageRedaction;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The append-only audit of every step: never updated, never deleted from by the engine.
 */
public final class HistoryTable {

	// What every read of whole entries selects, in the order entry(ResultSet) reads them.
	private static final String ENTRY_COLUMNS = "id, revision, direction, checksum, started_at, finished_at, "
			+ "duration_ms, run_by, outcome, error";

	private static final int MAX_ERROR_LENGTH = 4000;

	private final Dialect dialect;

	private final StateTables tables;

	private final String qualified;

	public HistoryTable(Dialect dialect, StateTables tables) {
		this.dialect = dialect;
		this.tables = tables;
		this.qualified = dialect.qualify(tables.schema(), tables.historyTable());
	}

	/** The state tables this history table is one of. */
	public StateTables tables() {
		return this.tables;
	}

	/** Appends a row in the caller's transaction (or autocommit). */
	public void append(Connection connection, String revision, Action action, String checksum, Instant startedAt,
			Instant finishedAt, Outcome outcome, Optional<String> error, String runBy) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement("INSERT INTO " + this.qualified
				+ " (revision, direction, checksum, started_at, finished_at, duration_ms, run_by, outcome, error)"
				+ " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
			statement.setString(1, revision);
			statement.setString(2, action.label());
			statement.setString(3, checksum);
			this.dialect.setInstant(statement, 4, startedAt);
			this.dialect.setInstant(statement, 5, finishedAt);
			statement.setLong(6, Duration.between(startedAt, finishedAt).toMillis());
			statement.setString(7, truncate(runBy, 255));
			statement.setString(8, outcome.label());
			statement.setString(9,
					error.map((e) -> truncate(DatabaseMessageRedaction.redact(e), MAX_ERROR_LENGTH)).orElse(null));
			statement.executeUpdate();
		}
	}

	/** The newest entries, newest first. */
	public List<HistoryEntry> latest(Connection connection, int limit) throws SQLException {
		if (!exists(connection)) {
			return List.of();
		}
		List<HistoryEntry> entries = new ArrayList<>();
		try (PreparedStatement statement = connection
			.prepareStatement("SELECT " + ENTRY_COLUMNS + " FROM " + this.qualified + " ORDER BY id DESC LIMIT ?")) {
			statement.setInt(1, limit);
			try (ResultSet rs = statement.executeQuery()) {
				while (rs.next()) {
					entries.add(entry(rs));
				}
			}
		}
		return Collections.unmodifiableList(entries);
	}

	/**
	 * For each revision, the entry of its latest successful upgrade, stamp or baseline
	 * that no downgrade undid since: when, by whom and how long it was installed. A
	 * revision a stamp applied beneath its target has none.
	 */
	public Map<String, HistoryEntry> installations(Connection connection) throws SQLException {
		Map<String, HistoryEntry> installed = new java.util.HashMap<>();
		if (!exists(connection)) {
			return installed;
		}
		try (PreparedStatement statement = connection.prepareStatement("SELECT " + ENTRY_COLUMNS + " FROM "
				+ this.qualified
				+ " WHERE direction IN ('upgrade', 'stamp', 'baseline', 'downgrade') AND outcome = 'success' ORDER BY id")) {
			try (ResultSet rs = statement.executeQuery()) {
				while (rs.next()) {
					HistoryEntry entry = entry(rs);
					// A later downgrade undid that installation.
					if (entry.action() == Action.DOWNGRADE) {
						installed.remove(entry.revision());
					}
					else {
						installed.put(entry.revision(), entry);
					}
				}
			}
		}
		return installed;
	}

	private HistoryEntry entry(ResultSet rs) throws SQLException {
		return new HistoryEntry(rs.getLong("id"), rs.getString("revision"), Action.fromLabel(rs.getString("direction")),
				nonNull(rs.getString("checksum")), this.dialect.getInstant(rs, "started_at"),
				this.dialect.getInstant(rs, "finished_at"), Duration.ofMillis(rs.getLong("duration_ms")),
				rs.getString("run_by"), Outcome.fromLabel(rs.getString("outcome")),
				Optional.ofNullable(rs.getString("error")));
	}

	/**
	 * For each revision, the checksum recorded by its latest successful upgrade, repair
	 * or baseline.
	 */
	public Map<String, String> appliedChecksums(Connection connection) throws SQLException {
		Map<String, String> checksums = new HashMap<>();
		if (!exists(connection)) {
			return checksums;
		}
		try (PreparedStatement statement = connection
			.prepareStatement("SELECT revision, checksum FROM " + this.qualified
					+ " WHERE direction IN ('upgrade', 'repair', 'baseline') AND outcome = 'success' ORDER BY id")) {
			try (ResultSet rs = statement.executeQuery()) {
				while (rs.next()) {
					checksums.put(rs.getString(1), nonNull(rs.getString(2)));
				}
			}
		}
		return checksums;
	}

	/** The history row of a step for an offline script. */
	public String render(String revision, Action action, String checksum) {
		String now = this.dialect.currentTimestamp();
		return "INSERT INTO " + this.qualified
				+ " (revision, direction, checksum, started_at, finished_at, duration_ms, run_by, outcome) VALUES ("
				+ this.dialect.literal(revision) + ", " + this.dialect.literal(action.label()) + ", "
				+ this.dialect.literal(checksum) + ", " + now + ", " + now + ", 0, "
				+ this.dialect.literal("offline script") + ", " + this.dialect.literal(Outcome.SUCCESS.label()) + ")";
	}

	private boolean exists(Connection connection) throws SQLException {
		return this.dialect.tableExists(connection, this.tables.schema(), this.tables.historyTable());
	}

	static String truncate(String text, int max) {
		return (text.length() <= max) ? text : text.substring(0, max - 1) + "…";
	}

	private static String nonNull(String text) {
		return (text != null) ? text : "";
	}

}

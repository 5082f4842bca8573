package dev.migrator.core.flyway;

import dev.migrator.core.dialect.Dialect;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Reads Flyway's history table, in the order Flyway applied its rows. Reads only.
 */
public final class FlywayHistory {

	private final Dialect dialect;

	private final Optional<String> schema;

	private final String table;

	/**
	 * @param dialect the database's dialect, which quotes the table's name
	 * @param schema the table's schema, or the connection's search path
	 * @param table the table, {@code flyway_schema_history} unless Flyway was told
	 * otherwise
	 */
	public FlywayHistory(Dialect dialect, Optional<String> schema, String table) {
		this.dialect = dialect;
		this.schema = schema;
		this.table = table;
	}

	/** The table as a statement names it. */
	public String qualifiedName() {
		return this.dialect.qualify(this.schema, this.table);
	}

	public boolean exists(Connection connection) throws SQLException {
		return this.dialect.tableExists(connection, this.schema, this.table);
	}

	public List<FlywayHistoryRow> rows(Connection connection) throws SQLException {
		List<FlywayHistoryRow> rows = new ArrayList<>();
		try (PreparedStatement statement = connection.prepareStatement("SELECT installed_rank, version, description, "
				+ "type, script, checksum, installed_by, installed_on, execution_time, success FROM " + qualifiedName()
				+ " ORDER BY installed_rank"); ResultSet rs = statement.executeQuery()) {
			while (rs.next()) {
				int checksum = rs.getInt("checksum");
				OptionalInt recorded = rs.wasNull() ? OptionalInt.empty() : OptionalInt.of(checksum);
				String version = rs.getString("version");
				rows.add(new FlywayHistoryRow(rs.getInt("installed_rank"),
						Optional.ofNullable(version).flatMap(FlywayVersion::parse), text(rs, "description"),
						text(rs, "type"), text(rs, "script"), recorded, text(rs, "installed_by"),
						instant(rs.getObject("installed_on")), rs.getLong("execution_time"), rs.getBoolean("success")));
			}
		}
		return rows;
	}

	private static String text(ResultSet rs, String column) throws SQLException {
		String value = rs.getString(column);
		return (value != null) ? value : "";
	}

	/**
	 * PostgreSQL returns a timestamp; SQLite the text Flyway wrote (in UTC) or a number
	 * of milliseconds.
	 */
	private static Instant instant(Object value) {
		if (value instanceof Timestamp timestamp) {
			return timestamp.toInstant();
		}
		if (value instanceof Number millis) {
			return Instant.ofEpochMilli(millis.longValue());
		}
		if (value instanceof String text && !text.isBlank()) {
			return LocalDateTime.parse(text.strip().replace(' ', 'T')).toInstant(ZoneOffset.UTC);
		}
		return Instant.EPOCH;
	}

}

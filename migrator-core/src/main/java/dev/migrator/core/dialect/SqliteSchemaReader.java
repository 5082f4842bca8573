package dev.migrator.core.dialect;

import dev.migrator.core.error.ErrorCode;

import dev.migrator.core.error.MigratorException;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Reads a SQLite table's stored definition, indexes, triggers and foreign key context on
 * the run's connection.
 */
final class SqliteSchemaReader implements LiveSchema {

	private final Connection connection;

	SqliteSchemaReader(Connection connection) {
		this.connection = connection;
	}

	@Override
	public boolean isLive() {
		return true;
	}

	@Override
	public Optional<TableSnapshot> table(String name) {
		try {
			Optional<String[]> table = tableRow(name);
			if (table.isEmpty()) {
				return Optional.empty();
			}
			String stored = table.get()[0];
			return Optional.of(new TableSnapshot(stored, table.get()[1],
					strings("SELECT name FROM pragma_table_xinfo(?) ORDER BY cid", stored), objects("index", stored),
					objects("trigger", stored),
					strings("SELECT DISTINCT m.name FROM sqlite_master m JOIN pragma_foreign_key_list(m.name) f "
							+ "WHERE m.type = 'table' AND f.\"table\" = ? COLLATE NOCASE AND m.name <> ? COLLATE NOCASE ORDER BY m.name",
							stored, stored),
					pragma("foreign_keys"), pragma("legacy_alter_table"), sequence(stored)));
		}
		catch (SQLException ex) {
			throw new MigratorException(ErrorCode.DATABASE_ERROR,
					"Could not read the definition of table " + name + " for a rebuild: " + ex.getMessage(), ex);
		}
	}

	private Optional<String[]> tableRow(String name) throws SQLException {
		try (PreparedStatement statement = this.connection
			.prepareStatement("SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name = ? COLLATE NOCASE")) {
			statement.setString(1, name);
			try (ResultSet rs = statement.executeQuery()) {
				return rs.next() ? Optional.of(new String[] { rs.getString(1), rs.getString(2) }) : Optional.empty();
			}
		}
	}

	/**
	 * Indexes or triggers of the table that have SQL; constraint indexes have none and
	 * live in the table.
	 */
	private List<TableSnapshot.NamedSql> objects(String type, String table) throws SQLException {
		List<TableSnapshot.NamedSql> objects = new ArrayList<>();
		try (PreparedStatement statement = this.connection.prepareStatement("SELECT name, sql FROM sqlite_master "
				+ "WHERE type = ? AND tbl_name = ? COLLATE NOCASE AND sql IS NOT NULL ORDER BY rowid")) {
			statement.setString(1, type);
			statement.setString(2, table);
			try (ResultSet rs = statement.executeQuery()) {
				while (rs.next()) {
					objects.add(new TableSnapshot.NamedSql(rs.getString(1), rs.getString(2)));
				}
			}
		}
		return objects;
	}

	private List<String> strings(String sql, String... parameters) throws SQLException {
		List<String> values = new ArrayList<>();
		try (PreparedStatement statement = this.connection.prepareStatement(sql)) {
			for (int i = 0; i < parameters.length; i++) {
				statement.setString(i + 1, parameters[i]);
			}
			try (ResultSet rs = statement.executeQuery()) {
				while (rs.next()) {
					values.add(rs.getString(1));
				}
			}
		}
		return values;
	}

	private boolean pragma(String name) throws SQLException {
		try (Statement statement = this.connection.createStatement();
				ResultSet rs = statement.executeQuery("PRAGMA " + name)) {
			return rs.next() && rs.getInt(1) != 0;
		}
	}

	private OptionalLong sequence(String table) throws SQLException {
		try (Statement statement = this.connection.createStatement();
				ResultSet exists = statement
					.executeQuery("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'sqlite_sequence'")) {
			if (!exists.next()) {
				return OptionalLong.empty();
			}
		}
		try (PreparedStatement statement = this.connection
			.prepareStatement("SELECT seq FROM sqlite_sequence WHERE name = ?")) {
			statement.setString(1, table);
			try (ResultSet rs = statement.executeQuery()) {
				return rs.next() ? OptionalLong.of(rs.getLong(1)) : OptionalLong.empty();
			}
		}
	}

}

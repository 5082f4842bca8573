package dev.migrator.core.op;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import javax.sql.DataSource;

/**
 * What the database reports about its schema through JDBC metadata, for tests to compare
 * with what ran.
 */
final class SchemaInspection {

	private final DataSource dataSource;

	SchemaInspection(DataSource dataSource) {
		this.dataSource = dataSource;
	}

	record ColumnInfo(String name, String type, boolean nullable, String defaultValue) {
	}

	record IndexInfo(String name, boolean unique, List<String> columns) {
	}

	record ForeignKeyInfo(String name, String column, String referredTable, String referredColumn, int deleteRule) {
	}

	/** The user tables, sorted, without the migrator's own. */
	List<String> tables() throws SQLException {
		List<String> tables = new ArrayList<>();
		try (Connection connection = this.dataSource.getConnection()) {
			DatabaseMetaData meta = connection.getMetaData();
			try (ResultSet rs = meta.getTables(null, schema(connection), "%", new String[] { "TABLE" })) {
				while (rs.next()) {
					String name = rs.getString("TABLE_NAME");
					if (!name.startsWith("migrator_") && !name.startsWith("sqlite_")) {
						tables.add(name);
					}
				}
			}
		}
		tables.sort(null);
		return tables;
	}

	Map<String, ColumnInfo> columns(String table) throws SQLException {
		Map<String, ColumnInfo> columns = new LinkedHashMap<>();
		try (Connection connection = this.dataSource.getConnection();
				ResultSet rs = connection.getMetaData().getColumns(null, schema(connection), table, "%")) {
			while (rs.next()) {
				columns.put(rs.getString("COLUMN_NAME"),
						new ColumnInfo(rs.getString("COLUMN_NAME"), rs.getString("TYPE_NAME").toLowerCase(Locale.ROOT),
								rs.getInt("NULLABLE") == DatabaseMetaData.columnNullable, rs.getString("COLUMN_DEF")));
			}
		}
		return columns;
	}

	/** Indexes by name, constraint indexes included, with their columns in order. */
	Map<String, IndexInfo> indexes(String table) throws SQLException {
		Map<String, List<String>> columns = new TreeMap<>();
		Map<String, Boolean> unique = new TreeMap<>();
		try (Connection connection = this.dataSource.getConnection();
				ResultSet rs = connection.getMetaData().getIndexInfo(null, schema(connection), table, false, false)) {
			while (rs.next()) {
				String name = rs.getString("INDEX_NAME");
				if (name == null) {
					continue;
				}
				columns.computeIfAbsent(name, (n) -> new ArrayList<>())
					.add(String.valueOf(rs.getString("COLUMN_NAME")));
				unique.put(name, !rs.getBoolean("NON_UNIQUE"));
			}
		}
		Map<String, IndexInfo> indexes = new TreeMap<>();
		columns.forEach((name, list) -> indexes.put(name, new IndexInfo(name, unique.get(name), list)));
		return indexes;
	}

	List<String> primaryKey(String table) throws SQLException {
		Map<Integer, String> columns = new TreeMap<>();
		try (Connection connection = this.dataSource.getConnection();
				ResultSet rs = connection.getMetaData().getPrimaryKeys(null, schema(connection), table)) {
			while (rs.next()) {
				columns.put(rs.getInt("KEY_SEQ"), rs.getString("COLUMN_NAME"));
			}
		}
		return List.copyOf(columns.values());
	}

	List<ForeignKeyInfo> importedKeys(String table) throws SQLException {
		List<ForeignKeyInfo> keys = new ArrayList<>();
		try (Connection connection = this.dataSource.getConnection();
				ResultSet rs = connection.getMetaData().getImportedKeys(null, schema(connection), table)) {
			while (rs.next()) {
				keys.add(new ForeignKeyInfo(rs.getString("FK_NAME"), rs.getString("FKCOLUMN_NAME"),
						rs.getString("PKTABLE_NAME"), rs.getString("PKCOLUMN_NAME"), rs.getInt("DELETE_RULE")));
			}
		}
		return keys;
	}

	long count(String sql) throws SQLException {
		try (Connection connection = this.dataSource.getConnection();
				Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery(sql)) {
			rs.next();
			return rs.getLong(1);
		}
	}

	List<String> strings(String sql) throws SQLException {
		List<String> values = new ArrayList<>();
		try (Connection connection = this.dataSource.getConnection();
				Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery(sql)) {
			int width = rs.getMetaData().getColumnCount();
			while (rs.next()) {
				List<String> cells = new ArrayList<>();
				for (int i = 1; i <= width; i++) {
					cells.add(rs.getString(i));
				}
				values.add(String.join("|", cells));
			}
		}
		return values;
	}

	void execute(String sql) throws SQLException {
		try (Connection connection = this.dataSource.getConnection();
				Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

	private static String schema(Connection connection) throws SQLException {
		return connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres")
				? "public" : null;
	}

}

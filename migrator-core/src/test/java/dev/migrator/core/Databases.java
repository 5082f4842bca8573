package dev.migrator.core;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

/**
 * Reads and writes on the engine tests' databases (which {@code TestDataSources} of the
 * test support opens) with plain JDBC, so that assertions do not go through the code
 * under test.
 */
public final class Databases {

	private Databases() {
	}

	/** The user tables of the database's default schema, sorted, lower case. */
	static List<String> tables(DataSource dataSource) throws SQLException {
		try (Connection connection = dataSource.getConnection()) {
			String product = connection.getMetaData().getDatabaseProductName().toLowerCase();
			String sql = product.contains("sqlite")
					? "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name"
					: "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() ORDER BY table_name";
			return strings(connection, sql);
		}
	}

	static List<String> strings(Connection connection, String sql) throws SQLException {
		List<String> result = new ArrayList<>();
		try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
			while (rs.next()) {
				result.add(rs.getString(1));
			}
		}
		return result;
	}

	static List<String> strings(DataSource dataSource, String sql) throws SQLException {
		try (Connection connection = dataSource.getConnection()) {
			return strings(connection, sql);
		}
	}

	static long count(DataSource dataSource, String sql) throws SQLException {
		try (Connection connection = dataSource.getConnection();
				Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery(sql)) {
			rs.next();
			return rs.getLong(1);
		}
	}

	static void execute(DataSource dataSource, String sql) throws SQLException {
		try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

}

package dev.migrator.core;

import dev.migrator.testsupport.TestPostgres;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.postgresql.ds.PGSimpleDataSource;
import org.sqlite.SQLiteDataSource;

/**
 * Real databases for the engine's tests: a fresh PostgreSQL database or SQLite file each
 * call.
 */
public final class Databases {

	private Databases() {
	}

	public static DataSource freshPostgres() {
		TestPostgres server = TestPostgres.shared();
		PGSimpleDataSource dataSource = new PGSimpleDataSource();
		dataSource.setUrl(server.createDatabase());
		dataSource.setUser(server.user());
		dataSource.setPassword(server.password());
		return dataSource;
	}

	public static DataSource sqliteFile(Path file) {
		SQLiteDataSource dataSource = new SQLiteDataSource();
		dataSource.setUrl("jdbc:sqlite:" + file.toAbsolutePath());
		return dataSource;
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

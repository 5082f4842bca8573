package dev.migrator.autoconfigure;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * A SQLite database file for a test, read with plain JDBC so that assertions do not go
 * through the code under test.
 */
public final class SqliteFile {

	private final Path file;

	public SqliteFile(Path file) {
		this.file = file;
	}

	public String url() {
		return "jdbc:sqlite:" + this.file.toAbsolutePath();
	}

	/** {@code spring.datasource.url=...}, to pass to a context runner. */
	public String dataSourceProperty() {
		return "spring.datasource.url=" + url();
	}

	/** The names of the tables; none when the file does not exist yet. */
	public Set<String> tables() {
		return new TreeSet<>(query("SELECT name FROM sqlite_master WHERE type = 'table'"));
	}

	/** The rows of the version table. */
	public Set<String> versionRows() {
		return new TreeSet<>(query("SELECT version_num FROM migrator_version"));
	}

	public void execute(String sql) {
		try (Connection connection = DriverManager.getConnection(url());
				Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * The first column of each row the query returns; none when the file does not exist
	 * yet.
	 */
	public List<String> query(String sql) {
		if (!this.file.toFile().exists()) {
			return List.of();
		}
		try (Connection connection = DriverManager.getConnection(url());
				Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery(sql)) {
			List<String> values = new ArrayList<>();
			while (rs.next()) {
				values.add(rs.getString(1));
			}
			return values;
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

}

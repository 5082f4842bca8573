package dev.migrator.sample;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The database the sample app runs on, read with plain JDBC so that assertions do not go
 * through the code under test.
 */
abstract class Database {

	/**
	 * The names of the application's tables; none when the database does not exist yet.
	 */
	abstract Set<String> tables();

	abstract Connection connect() throws SQLException;

	/** The rows of the version table; none when it does not exist. */
	Set<String> versionRows() {
		return tables().contains("migrator_version") ? new TreeSet<>(rows("SELECT version_num FROM migrator_version"))
				: Set.of();
	}

	/**
	 * The history table as {@code revision|direction|outcome}, oldest first; empty when
	 * it does not exist.
	 */
	List<String> history() {
		return tables().contains("migrator_history")
				? rows("SELECT revision, direction, outcome FROM migrator_history ORDER BY id") : List.of();
	}

	/** Each row of the query, its columns joined with {@code |}. */
	List<String> rows(String sql) {
		try (Connection connection = connect()) {
			return rows(connection, sql);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not run " + sql + ": " + ex.getMessage(), ex);
		}
	}

	/** Each row of the query on the connection, its columns joined with {@code |}. */
	static List<String> rows(Connection connection, String sql) throws SQLException {
		try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
			int columns = result.getMetaData().getColumnCount();
			List<String> rows = new ArrayList<>();
			while (result.next()) {
				List<String> values = new ArrayList<>();
				for (int column = 1; column <= columns; column++) {
					values.add(result.getString(column));
				}
				rows.add(String.join("|", values));
			}
			return rows;
		}
	}

	void execute(String sql) {
		try (Connection connection = connect(); Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not run " + sql + ": " + ex.getMessage(), ex);
		}
	}

}

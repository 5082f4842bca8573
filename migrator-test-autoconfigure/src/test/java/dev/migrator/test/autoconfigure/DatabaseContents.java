package dev.migrator.test.autoconfigure;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import javax.sql.DataSource;

/**
 * What a test database holds, read with plain JDBC so that assertions do not go through
 * migrator.
 */
public final class DatabaseContents {

	private final DataSource dataSource;

	public DatabaseContents(DataSource dataSource) {
		this.dataSource = dataSource;
	}

	/** The names of the tables, lower-cased. */
	public Set<String> tables() {
		Set<String> tables = new TreeSet<>();
		try (Connection connection = this.dataSource.getConnection();
				ResultSet rs = connection.getMetaData().getTables(null, null, "%", new String[] { "TABLE" })) {
			while (rs.next()) {
				tables.add(rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT));
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
		return tables;
	}

	/** The revisions the version table records as applied. */
	public Set<String> versionRows() {
		Set<String> rows = new TreeSet<>();
		try (Connection connection = this.dataSource.getConnection();
				Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery("SELECT version_num FROM migrator_version")) {
			while (rs.next()) {
				rows.add(rs.getString(1));
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
		return rows;
	}

	/** How many entries the history table holds: a run that applies nothing adds none. */
	public int historyEntries() {
		try (Connection connection = this.dataSource.getConnection();
				Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery("SELECT COUNT(*) FROM migrator_history")) {
			rs.next();
			return rs.getInt(1);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

}

package dev.migrator.core.authoring;

import dev.migrator.core.script.SqlStatement;
import dev.migrator.core.script.SqlStatementSplitter;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

/**
 * Scripts run on the authoring tests' databases, which {@code TestDataSources} of the
 * test support opens.
 */
final class TestDatabases {

	private TestDatabases() {
	}

	/** Runs a script of statements separated by semicolons. */
	static void run(DataSource dataSource, String script) throws SQLException {
		try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
			for (SqlStatement sql : new SqlStatementSplitter().split(script, 1)) {
				statement.execute(sql.sql());
			}
		}
	}

}

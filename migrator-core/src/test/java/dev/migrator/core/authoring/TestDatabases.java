package dev.migrator.core.authoring;

import dev.migrator.core.Databases;
import dev.migrator.core.script.SqlStatement;
import dev.migrator.core.script.SqlStatementSplitter;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

/**
 * Real databases for authoring tests: a fresh PostgreSQL database or SQLite file per
 * call.
 */
final class TestDatabases {

	private TestDatabases() {
	}

	static DataSource freshPostgres() {
		return Databases.freshPostgres();
	}

	static DataSource sqliteFile(Path file) {
		return Databases.sqliteFile(file);
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

package dev.migrator.core.authoring;

import dev.migrator.core.script.SqlStatement;
import dev.migrator.core.script.SqlStatementSplitter;
import dev.migrator.testsupport.TestPostgres;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import org.postgresql.ds.PGSimpleDataSource;
import org.sqlite.SQLiteDataSource;

/** Real databases for authoring tests: a fresh PostgreSQL database or SQLite file per call. */
final class TestDatabases {

	private TestDatabases() {
	}

	static DataSource freshPostgres() {
		TestPostgres server = TestPostgres.shared();
		PGSimpleDataSource dataSource = new PGSimpleDataSource();
		dataSource.setUrl(server.createDatabase());
		dataSource.setUser(server.user());
		dataSource.setPassword(server.password());
		return dataSource;
	}

	static DataSource sqliteFile(Path file) {
		SQLiteDataSource dataSource = new SQLiteDataSource();
		dataSource.setUrl("jdbc:sqlite:" + file.toAbsolutePath());
		return dataSource;
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

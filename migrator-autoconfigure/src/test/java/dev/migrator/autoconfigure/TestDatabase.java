package dev.migrator.autoconfigure;

import dev.migrator.testsupport.TestPostgres;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A fresh database on the shared test server, for the job tests that set it up and check
 * it with plain SQL beside the job.
 *
 * @param url its JDBC URL
 */
record TestDatabase(String url) {

	static TestDatabase create() {
		return new TestDatabase(TestPostgres.shared().createDatabase());
	}

	void execute(String sql) throws SQLException {
		try (Connection connection = connect(); Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

	long count(String sql) throws SQLException {
		try (Connection connection = connect();
				Statement statement = connection.createStatement();
				ResultSet row = statement.executeQuery(sql)) {
			row.next();
			return row.getLong(1);
		}
	}

	private Connection connect() throws SQLException {
		TestPostgres server = TestPostgres.shared();
		return DriverManager.getConnection(this.url, server.user(), server.password());
	}

}

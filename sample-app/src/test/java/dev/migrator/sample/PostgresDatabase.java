package dev.migrator.sample;

import dev.migrator.testsupport.TestPostgres;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Set;
import java.util.TreeSet;

/** A fresh database on the tests' PostgreSQL server. */
final class PostgresDatabase extends Database {

	// The embedded server trusts local connections and ignores it; the tests check it is
	// never shown.
	private static final String UNCHECKED_PASSWORD = "never-shown-3f9a";

	private final TestPostgres server;

	private final String url;

	PostgresDatabase(TestPostgres server) {
		this.server = server;
		this.url = server.createDatabase();
	}

	String url() {
		return this.url;
	}

	String user() {
		return this.server.user();
	}

	String password() {
		return this.server.password().isEmpty() ? UNCHECKED_PASSWORD : this.server.password();
	}

	/**
	 * The {@code spring.datasource.*} arguments that point the sample app at this
	 * database.
	 */
	String[] dataSourceArguments() {
		return new String[] { "--spring.datasource.url=" + this.url, "--spring.datasource.username=" + user(),
				"--spring.datasource.password=" + password() };
	}

	@Override
	Set<String> tables() {
		return new TreeSet<>(rows("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'"));
	}

	@Override
	Connection connect() throws SQLException {
		return this.server.connect(this.url);
	}

}

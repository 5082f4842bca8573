package dev.migrator.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A login role on the test server with no privileges of its own, for tests of what an
 * application's restricted database user may and may not do. The test grants it what it
 * needs in one database; {@link #close()} drops what it owns there and the role. Roles
 * belong to the whole server, so each name has a random part.
 */
public final class TestRole implements AutoCloseable {

	private final TestPostgres server;

	private final String databaseUrl;

	private final String name;

	private final String password;

	private TestRole(TestPostgres server, String databaseUrl, String name, String password) {
		this.server = server;
		this.databaseUrl = databaseUrl;
		this.name = name;
		this.password = password;
	}

	/**
	 * Creates a login role for the database at the URL (one of
	 * {@link TestPostgres#createDatabase()}). It may connect, as every role may by
	 * default, and nothing more: creating in the {@code public} schema is revoked from
	 * {@code PUBLIC}, as PostgreSQL 15 and later do anyway.
	 */
	public static TestRole create(TestPostgres server, String databaseUrl, String prefix) {
		String name = prefix + "_" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36);
		String password = Long.toString(ThreadLocalRandom.current().nextLong(1L << 50), 36);
		TestRole role = new TestRole(server, databaseUrl, name, password);
		role.asSuperuser("CREATE ROLE " + name + " LOGIN PASSWORD '" + password + "'",
				"REVOKE CREATE ON SCHEMA public FROM PUBLIC");
		return role;
	}

	/** The role's name: an unquoted identifier, safe in SQL as it is. */
	public String name() {
		return this.name;
	}

	public String password() {
		return this.password;
	}

	/**
	 * The database's JDBC URL with this role's user and password in it (the driver lets
	 * the URL's parameters win over separately given credentials).
	 */
	public String url() {
		return JdbcLocation.parse(this.databaseUrl)
			.withParameter("user", this.name)
			.withParameter("password", this.password)
			.url();
	}

	/** A connection to the database as this role. */
	public Connection connect() throws SQLException {
		return DriverManager.getConnection(url());
	}

	/** Runs the statements in the database as the server's superuser (grants, say). */
	public void asSuperuser(String... statements) {
		try (Connection connection = this.server.connect(this.databaseUrl);
				Statement statement = connection.createStatement()) {
			for (String sql : statements) {
				statement.execute(sql);
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not run " + String.join("; ", statements) + ": " + ex.getMessage(),
					ex);
		}
	}

	@Override
	public void close() {
		asSuperuser("DROP OWNED BY " + this.name, "DROP ROLE " + this.name);
	}

}

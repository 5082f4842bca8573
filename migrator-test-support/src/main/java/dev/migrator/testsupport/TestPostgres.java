package dev.migrator.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A real PostgreSQL server for tests: an external one named by
 * {@code MIGRATOR_TEST_PG_URL}, or else one started from the embedded binaries on the
 * classpath. There is deliberately no way to skip: without PostgreSQL, {@link #shared()}
 * fails and says how to provide one.
 */
public final class TestPostgres {

	static final String URL_VARIABLE = "MIGRATOR_TEST_PG_URL";

	static final String USER_VARIABLE = "MIGRATOR_TEST_PG_USER";

	static final String PASSWORD_VARIABLE = "MIGRATOR_TEST_PG_PASSWORD";

	private static TestPostgres shared;

	private static IllegalStateException sharedFailure;

	private final JdbcLocation location;

	private final String user;

	private final String password;

	private final int serverVersionNum;

	private final boolean external;

	private final DatabaseNames databaseNames = new DatabaseNames();

	private final Set<String> createdDatabases = ConcurrentHashMap.newKeySet();

	private TestPostgres(JdbcLocation location, String user, String password, boolean external) {
		this.location = location;
		this.user = user;
		this.password = password;
		this.external = external;
		this.serverVersionNum = queryServerVersionNum();
	}

	/**
	 * The primary shared by all tests of this JVM, started on first call, stopped by a
	 * shutdown hook.
	 */
	public static synchronized TestPostgres shared() {
		if (shared == null) {
			if (sharedFailure != null) {
				// Fail every later test the same way, fast, instead of trying to start a
				// server again each time.
				throw new IllegalStateException(sharedFailure.getMessage(), sharedFailure);
			}
			try {
				shared = resolve(System.getenv());
			}
			catch (RuntimeException ex) {
				sharedFailure = (ex instanceof IllegalStateException ise) ? ise
						: new IllegalStateException(ex.getMessage(), ex);
				throw sharedFailure;
			}
		}
		return shared;
	}

	static TestPostgres resolve(Map<String, String> environment) {
		String url = environment.get(URL_VARIABLE);
		if (url != null && !url.isBlank()) {
			return external(url.trim(), environment.get(USER_VARIABLE), environment.get(PASSWORD_VARIABLE));
		}
		return embedded();
	}

	private static TestPostgres external(String url, String userVariable, String passwordVariable) {
		JdbcLocation given;
		try {
			given = JdbcLocation.parse(url);
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalStateException(
					URL_VARIABLE + " is set but is not a PostgreSQL JDBC URL: " + ex.getMessage(), ex);
		}
		String user = firstNonEmpty(userVariable, given.parameters().get("user"), LocalPostgresServer.SUPERUSER);
		String password = firstNonEmpty(passwordVariable, given.parameters().get("password"), "");
		JdbcLocation location = given.withParameter("user", user);
		if (!password.isEmpty()) {
			location = location.withParameter("password", password);
		}
		try {
			TestPostgres postgres = new TestPostgres(location, user, password, true);
			postgres.requireCreateDatabasePrivilege();
			Runtime.getRuntime()
				.addShutdownHook(new Thread(postgres::dropCreatedDatabases, "migrator-test-pg-cleanup"));
			return postgres;
		}
		catch (RuntimeException ex) {
			throw new IllegalStateException(URL_VARIABLE + "=" + location.redactedUrl() + " (user '" + user
					+ "') cannot be used for tests: " + ex.getMessage() + "\nFix the URL, " + USER_VARIABLE + " or "
					+ PASSWORD_VARIABLE + " (the user needs CREATEDB), or unset " + URL_VARIABLE
					+ " to use the embedded PostgreSQL binaries.", ex);
		}
	}

	private static TestPostgres embedded() {
		LocalPostgresServer server = null;
		try {
			server = LocalPostgresServer.initialize(Map.of());
			Runtime.getRuntime().addShutdownHook(new Thread(server::destroy, "migrator-test-pg-stop"));
			server.start();
			return new TestPostgres(JdbcLocation.local(server.port(), LocalPostgresServer.SUPERUSER),
					LocalPostgresServer.SUPERUSER, "", false);
		}
		catch (RuntimeException ex) {
			if (server != null) {
				server.destroy();
			}
			throw new IllegalStateException("No PostgreSQL for the tests. " + URL_VARIABLE + " is not set, and the"
					+ " embedded PostgreSQL binaries (" + PostgresBinaries.ARTIFACT + ", resource "
					+ PostgresBinaries.resourceName() + ") could not be started: " + ex.getMessage() + "\nEither set "
					+ URL_VARIABLE + "=jdbc:postgresql://HOST:PORT/postgres (a user that may"
					+ " CREATE DATABASE; credentials in the URL or in " + USER_VARIABLE + "/" + PASSWORD_VARIABLE
					+ "), or make the embedded binaries runnable: they are unpacked under " + ScratchSpace.describe()
					+ " and run as " + ServerAccount.current().describe()
					+ ", who must be able to reach and write there (" + ScratchSpace.DIRECTORY_VARIABLE
					+ " can name another directory).", ex);
		}
	}

	/** Creates a fresh empty database with a unique name and returns its JDBC URL. */
	public String createDatabase() {
		String name = this.databaseNames.next();
		try (Connection connection = connect(this.location.url()); Statement statement = connection.createStatement()) {
			statement.execute("CREATE DATABASE " + name);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not create database " + name + " on " + this.location.redactedUrl(),
					ex);
		}
		if (this.external) {
			this.createdDatabases.add(name);
		}
		return jdbcUrl(name);
	}

	/** JDBC URL of an existing database on this server. */
	public String jdbcUrl(String database) {
		return this.location.url(database);
	}

	/**
	 * The superuser (or, for an external server, the configured user) that the URLs
	 * carry.
	 */
	public String user() {
		return this.user;
	}

	/** Empty when the server trusts local connections, as the embedded one does. */
	public String password() {
		return this.password;
	}

	/**
	 * Opens a connection to the given JDBC URL with {@link #user()} and
	 * {@link #password()}.
	 */
	public Connection connect(String jdbcUrl) throws SQLException {
		Properties properties = new Properties();
		properties.setProperty("user", this.user);
		properties.setProperty("password", this.password);
		return DriverManager.getConnection(jdbcUrl, properties);
	}

	/** The server's {@code server_version_num}, e.g. 180003. */
	public int serverVersionNum() {
		return this.serverVersionNum;
	}

	private int queryServerVersionNum() {
		try (Connection connection = connect(this.location.url());
				Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery("SHOW server_version_num")) {
			result.next();
			return Integer.parseInt(result.getString(1));
		}
		catch (SQLException ex) {
			throw new IllegalStateException(
					"Could not connect to " + this.location.redactedUrl() + ": " + ex.getMessage(), ex);
		}
	}

	private void requireCreateDatabasePrivilege() {
		try (Connection connection = connect(this.location.url());
				Statement statement = connection.createStatement();
				ResultSet result = statement
					.executeQuery("SELECT rolcreatedb OR rolsuper FROM pg_roles WHERE rolname = current_user")) {
			if (!result.next() || !result.getBoolean(1)) {
				throw new IllegalStateException("user '" + this.user + "' may not CREATE DATABASE");
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex.getMessage(), ex);
		}
	}

	// An embedded server disappears with its directory; an external one would keep every
	// test database forever.
	private void dropCreatedDatabases() {
		String force = (this.serverVersionNum >= 130000) ? " WITH (FORCE)" : "";
		try (Connection connection = connect(this.location.url()); Statement statement = connection.createStatement()) {
			for (String name : this.createdDatabases) {
				statement.execute("DROP DATABASE IF EXISTS " + name + force);
			}
		}
		catch (SQLException ex) {
			// Best effort at JVM exit; leftovers are harmless and uniquely named.
		}
	}

	private static String firstNonEmpty(String... candidates) {
		for (String candidate : candidates) {
			if (candidate != null && !candidate.isEmpty()) {
				return candidate;
			}
		}
		return "";
	}

}

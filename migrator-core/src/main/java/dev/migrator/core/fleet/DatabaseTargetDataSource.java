package dev.migrator.core.fleet;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Optional;
import java.util.Properties;
import java.util.ServiceLoader;
import java.util.logging.Logger;

import javax.sql.DataSource;

/**
 * Connections to a tenant's own database, opened one by one through its JDBC driver: no
 * pool, so that a fleet of hundreds of databases holds no idle connections between
 * targets (each target's command opens the few it needs and closes them). Credentials in
 * the URL win (the driver's rule: its parameters override the properties given), then the
 * target's own (the query's user and password columns), then the main DataSource's.
 */
public final class DatabaseTargetDataSource implements DataSource {

	private final FleetTarget.Database target;

	private final Credentials fallback;

	private volatile int loginTimeout;

	public DatabaseTargetDataSource(FleetTarget.Database target, Credentials fallback) {
		this.target = target;
		this.fallback = fallback;
	}

	@Override
	public Connection getConnection() throws SQLException {
		Properties properties = new Properties();
		this.target.user().or(this.fallback::user).ifPresent((user) -> properties.setProperty("user", user));
		this.target.password()
			.or(this.fallback::password)
			.ifPresent((password) -> properties.setProperty("password", password));
		return connect(properties);
	}

	@Override
	public Connection getConnection(String username, String password) throws SQLException {
		Properties properties = new Properties();
		properties.setProperty("user", username);
		properties.setProperty("password", password);
		return connect(properties);
	}

	private Connection connect(Properties properties) throws SQLException {
		Connection connection = driver().connect(this.target.url(), properties);
		if (connection == null) {
			throw new SQLException("No JDBC driver accepts the URL " + this.target.name());
		}
		return connection;
	}

	private Driver driver() throws SQLException {
		try {
			return DriverManager.getDriver(this.target.url());
		}
		catch (SQLException ex) {
			// In a packaged application the driver may be visible to the application's
			// class loader only, which DriverManager does not search.
			for (ClassLoader loader : new ClassLoader[] { Thread.currentThread().getContextClassLoader(),
					DatabaseTargetDataSource.class.getClassLoader() }) {
				if (loader == null) {
					continue;
				}
				for (Driver driver : ServiceLoader.load(Driver.class, loader)) {
					if (driver.acceptsURL(this.target.url())) {
						return driver;
					}
				}
			}
			throw new SQLException("No JDBC driver accepts the URL " + this.target.name()
					+ ". Put the database's driver on the class path.");
		}
	}

	/** The URL without credentials, for messages that name the database. */
	public String getUrl() {
		return this.target.name();
	}

	@Override
	public PrintWriter getLogWriter() {
		return null;
	}

	@Override
	public void setLogWriter(PrintWriter out) {
		// Connections are opened through the driver; there is no log of this DataSource.
	}

	@Override
	public void setLoginTimeout(int seconds) {
		this.loginTimeout = seconds;
	}

	@Override
	public int getLoginTimeout() {
		return this.loginTimeout;
	}

	@Override
	public Logger getParentLogger() throws SQLFeatureNotSupportedException {
		throw new SQLFeatureNotSupportedException();
	}

	@Override
	public <T> T unwrap(Class<T> iface) throws SQLException {
		if (iface.isInstance(this)) {
			return iface.cast(this);
		}
		throw new SQLException(getClass().getName() + " wraps no " + iface.getName());
	}

	@Override
	public boolean isWrapperFor(Class<?> iface) {
		return iface.isInstance(this);
	}

	/**
	 * The user and password to fall back on: the main DataSource's, as the common ones
	 * tell them (Hikari's and Spring's getUsername, the drivers' getUser, and
	 * getPassword). Never printed.
	 *
	 * @param user the user, if the main DataSource tells it
	 * @param password the password, if the main DataSource tells it
	 */
	public record Credentials(Optional<String> user, Optional<String> password) {

		public static Credentials none() {
			return new Credentials(Optional.empty(), Optional.empty());
		}

		public static Credentials of(DataSource dataSource) {
			return new Credentials(property(dataSource, "getUsername", "getUser"), property(dataSource, "getPassword"));
		}

		private static Optional<String> property(DataSource dataSource, String... getters) {
			for (String getter : getters) {
				try {
					if (dataSource.getClass().getMethod(getter).invoke(dataSource) instanceof String value
							&& !value.isEmpty()) {
						return Optional.of(value);
					}
				}
				catch (ReflectiveOperationException | RuntimeException ex) {
					// Not this getter; a DataSource that tells no credentials lends none.
				}
			}
			return Optional.empty();
		}

		@Override
		public String toString() {
			return "Credentials[user=" + this.user.orElse("(none)") + ", password=(hidden)]";
		}

	}

}

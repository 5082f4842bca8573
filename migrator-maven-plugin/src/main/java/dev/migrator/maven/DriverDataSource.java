package dev.migrator.maven;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Optional;
import java.util.Properties;
import java.util.ServiceLoader;
import java.util.logging.Logger;

import javax.sql.DataSource;

/**
 * A DataSource that opens a new connection per call through a JDBC driver found on the
 * given class loader: the plugin's dependencies (where users declare the driver) and the
 * project's runtime class path. Drivers are looked up there rather than through
 * {@code DriverManager}, which only sees drivers visible to the class loader it was first
 * used from.
 */
final class DriverDataSource implements DataSource {

	private final String url;

	private final Optional<String> user;

	private final Optional<String> password;

	private final ClassLoader classLoader;

	DriverDataSource(String url, Optional<String> user, Optional<String> password, ClassLoader classLoader) {
		this.url = url;
		this.user = user;
		this.password = password;
		this.classLoader = classLoader;
	}

	@Override
	public Connection getConnection() throws SQLException {
		Properties properties = new Properties();
		this.user.ifPresent((u) -> properties.setProperty("user", u));
		this.password.ifPresent((p) -> properties.setProperty("password", p));
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
		Connection connection = driver().connect(this.url, properties);
		if (connection == null) {
			throw new SQLException("The driver refused the URL " + this.url);
		}
		return connection;
	}

	private Driver driver() throws SQLException {
		for (Driver driver : ServiceLoader.load(Driver.class, this.classLoader)) {
			if (driver.acceptsURL(this.url)) {
				return driver;
			}
		}
		throw new SQLException("No JDBC driver for " + this.url + ". Add the driver as a dependency of the "
				+ "migrator-maven-plugin in the pom (<plugin>…<dependencies><dependency>org.postgresql:postgresql or "
				+ "org.xerial:sqlite-jdbc</dependency></dependencies></plugin>).");
	}

	@Override
	public PrintWriter getLogWriter() {
		return null;
	}

	@Override
	public void setLogWriter(PrintWriter out) {
	}

	@Override
	public void setLoginTimeout(int seconds) {
	}

	@Override
	public int getLoginTimeout() {
		return 0;
	}

	@Override
	public Logger getParentLogger() throws SQLFeatureNotSupportedException {
		throw new SQLFeatureNotSupportedException();
	}

	@Override
	public <T> T unwrap(Class<T> type) throws SQLException {
		if (type.isInstance(this)) {
			return type.cast(this);
		}
		throw new SQLException("Not a wrapper of " + type.getName());
	}

	@Override
	public boolean isWrapperFor(Class<?> type) {
		return type.isInstance(this);
	}

}

package dev.migrator.core.command;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Properties;
import java.util.logging.Logger;

import javax.sql.DataSource;

/**
 * Connections straight from a driver to one URL, for a scratch database that no pool
 * knows.
 */
final class DriverDataSource implements DataSource {

	private final Driver driver;

	private final String url;

	DriverDataSource(Driver driver, String url) {
		this.driver = driver;
		this.url = url;
	}

	@Override
	public Connection getConnection() throws SQLException {
		Connection connection = this.driver.connect(this.url, new Properties());
		if (connection == null) {
			throw new SQLException("The driver " + this.driver.getClass().getName() + " does not take " + this.url);
		}
		return connection;
	}

	@Override
	public Connection getConnection(String username, String password) throws SQLException {
		return getConnection();
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
		throw new SQLFeatureNotSupportedException("No parent logger");
	}

	@Override
	public <T> T unwrap(Class<T> iface) throws SQLException {
		if (iface.isInstance(this)) {
			return iface.cast(this);
		}
		throw new SQLException("Not a wrapper for " + iface.getName());
	}

	@Override
	public boolean isWrapperFor(Class<?> iface) {
		return iface.isInstance(this);
	}

}

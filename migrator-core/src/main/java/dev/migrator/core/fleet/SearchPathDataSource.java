package dev.migrator.core.fleet;

import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;

import javax.sql.DataSource;

import dev.migrator.core.dialect.Dialects;

/**
 * The main DataSource with a tenant's schema first on the search path of every connection
 * it hands out, so that a revision's unqualified names (and what it creates) land in the
 * tenant's schema. The search path the connection had is put back when it is closed, so
 * that a pooled connection goes back to the pool as it came; one whose search path cannot
 * be put back is aborted rather than returned with a tenant's schema first.
 */
public final class SearchPathDataSource implements DataSource {

	private static final String SET = "SELECT set_config('search_path', ?, false)";

	private final DataSource main;

	private final FleetTarget.Schema target;

	public SearchPathDataSource(DataSource main, FleetTarget.Schema target) {
		this.main = main;
		this.target = target;
	}

	@Override
	public Connection getConnection() throws SQLException {
		return onTenantPath(this.main.getConnection());
	}

	@Override
	public Connection getConnection(String username, String password) throws SQLException {
		return onTenantPath(this.main.getConnection(username, password));
	}

	private Connection onTenantPath(Connection connection) throws SQLException {
		try {
			String previous = searchPath(connection);
			String tenant = Dialects.forConnection(connection).quote(this.target.schema());
			set(connection, tenant + ", " + previous);
			return restoring(connection, previous);
		}
		catch (SQLException | RuntimeException ex) {
			try {
				connection.close();
			}
			catch (SQLException cleanup) {
				ex.addSuppressed(cleanup);
			}
			throw ex;
		}
	}

	private static String searchPath(Connection connection) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement("SELECT current_setting('search_path')");
				ResultSet row = statement.executeQuery()) {
			row.next();
			return row.getString(1);
		}
	}

	private static void set(Connection connection, String path) throws SQLException {
		boolean autoCommit = connection.getAutoCommit();
		try (PreparedStatement statement = connection.prepareStatement(SET)) {
			statement.setString(1, path);
			statement.execute();
		}
		// Outside autocommit the setting would roll back with the caller's transaction.
		if (!autoCommit) {
			connection.commit();
		}
	}

	private static Connection restoring(Connection connection, String previous) {
		return (Connection) Proxy.newProxyInstance(SearchPathDataSource.class.getClassLoader(),
				new Class<?>[] { Connection.class }, (proxy, method, args) -> {
					if (method.getName().equals("close") && method.getParameterCount() == 0) {
						close(connection, previous);
						return null;
					}
					try {
						return method.invoke(connection, args);
					}
					catch (InvocationTargetException ex) {
						throw ex.getCause();
					}
				});
	}

	private static void close(Connection connection, String previous) throws SQLException {
		if (connection.isClosed()) {
			return;
		}
		try {
			if (!connection.getAutoCommit()) {
				connection.rollback();
				connection.setAutoCommit(true);
			}
			set(connection, previous);
		}
		catch (SQLException ex) {
			// A pool must not hand this connection to the next borrower with the tenant's
			// schema first: end it instead.
			connection.abort(Runnable::run);
			return;
		}
		connection.close();
	}

	@Override
	public PrintWriter getLogWriter() throws SQLException {
		return this.main.getLogWriter();
	}

	@Override
	public void setLogWriter(PrintWriter out) throws SQLException {
		this.main.setLogWriter(out);
	}

	@Override
	public void setLoginTimeout(int seconds) throws SQLException {
		this.main.setLoginTimeout(seconds);
	}

	@Override
	public int getLoginTimeout() throws SQLException {
		return this.main.getLoginTimeout();
	}

	@Override
	public Logger getParentLogger() throws SQLFeatureNotSupportedException {
		return this.main.getParentLogger();
	}

	@Override
	public <T> T unwrap(Class<T> iface) throws SQLException {
		if (iface.isInstance(this)) {
			return iface.cast(this);
		}
		return this.main.unwrap(iface);
	}

	@Override
	public boolean isWrapperFor(Class<?> iface) throws SQLException {
		return iface.isInstance(this) || this.main.isWrapperFor(iface);
	}

}

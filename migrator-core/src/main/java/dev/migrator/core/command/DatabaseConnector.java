package dev.migrator.core.command;

import dev.migrator.core.error.ErrorCode;
import dev.migrator.core.error.MigratorException;
import dev.migrator.core.sql.DatabaseMessageRedaction;
import dev.migrator.core.sql.JdbcUrlRedaction;

import java.lang.reflect.Method;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

import javax.sql.DataSource;

/**
 * Opens a connection to the configured database; when it cannot, the failure says so and
 * names the database (its URL without credentials), so that "the database was never
 * reached" is not mistaken for "the database refused what the migrator asked".
 */
final class DatabaseConnector {

	private DatabaseConnector() {
	}

	static Connection open(DataSource dataSource) {
		try {
			return dataSource.getConnection();
		}
		catch (SQLException ex) {
			throw unreachable(dataSource, ex);
		}
	}

	static MigratorException unreachable(DataSource dataSource, SQLException ex) {
		return new MigratorException(ErrorCode.DATABASE_ERROR,
				"Could not connect to the database"
						+ url(dataSource).map((url) -> " at " + url).orElse(" of the configured DataSource") + ": "
						+ DatabaseMessageRedaction.redact(ex.getMessage())
						+ ". Check that the database is up and reachable from here, and the URL, user and password.",
				ex);
	}

	/**
	 * The URL without credentials, when the DataSource tells it as the common ones do
	 * (Hikari's getJdbcUrl, the drivers' and Spring's getUrl).
	 */
	static Optional<String> url(DataSource dataSource) {
		for (String getter : new String[] { "getJdbcUrl", "getUrl" }) {
			try {
				Method method = dataSource.getClass().getMethod(getter);
				if (method.getReturnType() == String.class && method.invoke(dataSource) instanceof String url
						&& !url.isBlank()) {
					return Optional.of(JdbcUrlRedaction.withoutCredentials(url));
				}
			}
			catch (ReflectiveOperationException | RuntimeException ex) {
				// Not this getter; a DataSource that tells no URL is named without one.
			}
		}
		return Optional.empty();
	}

}

package dev.migrator.core.dialect;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The explicit registry of supported databases. No service loading: a fat jar that lost a
 * service file must not turn into "unsupported database".
 */
public final class Dialects {

	private static final List<Dialect> SUPPORTED = List.of(new PostgresDialect(), new SqliteDialect());

	private Dialects() {
	}

	/** The dialect with this name ({@code postgresql}, {@code sqlite}). */
	public static Dialect byName(String name) {
		String wanted = name.trim().toLowerCase(Locale.ROOT);
		if ("postgres".equals(wanted)) {
			wanted = "postgresql";
		}
		for (Dialect dialect : SUPPORTED) {
			if (dialect.name().equals(wanted)) {
				return dialect;
			}
		}
		throw new UnsupportedDatabaseException("Unknown dialect '" + name + "'. Supported: " + supportedNames() + ".");
	}

	/** The dialect for the database behind the connection, from its metadata. */
	public static Dialect forConnection(Connection connection) throws SQLException {
		String product = connection.getMetaData().getDatabaseProductName();
		String lower = product.toLowerCase(Locale.ROOT);
		for (Dialect dialect : SUPPORTED) {
			if (lower.contains(dialect.name())) {
				return dialect;
			}
		}
		throw new UnsupportedDatabaseException("The database '" + product + "' ("
				+ connection.getMetaData().getURL().replaceAll("(?i)(password=)[^&;]*", "$1***")
				+ ") is not supported. Supported: " + supportedNames() + ".");
	}

	public static String supportedNames() {
		return SUPPORTED.stream().map(Dialect::name).collect(Collectors.joining(", "));
	}

}

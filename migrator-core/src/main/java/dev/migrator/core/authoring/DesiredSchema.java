package dev.migrator.core.authoring;

import dev.migrator.core.error.ErrorCode;

import dev.migrator.core.authoring.schema.SchemaReflector;
import dev.migrator.core.authoring.schema.SchemaSnapshot;
import dev.migrator.core.dialect.Dialect;
import dev.migrator.core.script.SqlStatement;
import dev.migrator.core.script.SqlStatementSplitter;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import java.util.ServiceLoader;

import javax.sql.DataSource;

/**
 * The desired schema, a file of {@code CREATE} statements, applied to a scratch place and
 * reflected there: on PostgreSQL a schema {@code migrator_desired_<random>} of the live
 * database (the search path set to it, dropped afterwards), on SQLite a temporary
 * database file. Reflecting it where the live schema lives means both sides are printed
 * back by the same database, so that {@code int4} and {@code integer} compare equal.
 */
final class DesiredSchema {

	private static final SecureRandom RANDOM = new SecureRandom();

	private final Path file;

	DesiredSchema(Path file) {
		this.file = file;
	}

	SchemaSnapshot reflect(DataSource dataSource, Dialect dialect) throws SQLException {
		List<SqlStatement> statements = statements();
		try (Connection connection = dataSource.getConnection()) {
			connection.setAutoCommit(true);
			if ("postgresql".equals(dialect.name())) {
				return inScratchSchema(connection, dialect, statements);
			}
			return inScratchFile(connection, dialect, statements);
		}
	}

	private List<SqlStatement> statements() {
		String text;
		try {
			text = Files.readString(this.file);
		}
		catch (IOException ex) {
			throw new AuthoringException(ErrorCode.SCHEMA_FILE_UNREADABLE,
					"The desired schema " + this.file + " cannot be read (" + ex.getMessage()
							+ "). Write the tables as CREATE statements in that file, "
							+ "or point the schema file setting (migrator.schemaFile) at it.",
					ex);
		}
		return new SqlStatementSplitter().split(this.file.toString(), text, 1);
	}

	private SchemaSnapshot inScratchSchema(Connection connection, Dialect dialect, List<SqlStatement> statements)
			throws SQLException {
		String schema = "migrator_desired_" + HexFormat.of().formatHex(randomBytes());
		String searchPath;
		try (Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery("SHOW search_path")) {
			rs.next();
			searchPath = rs.getString(1);
		}
		try (Statement statement = connection.createStatement()) {
			statement.execute("CREATE SCHEMA " + dialect.quote(schema));
			try {
				statement.execute("SET search_path TO " + dialect.quote(schema));
				apply(connection, statements);
				return SchemaReflector.forDialect(dialect.name()).reflect(connection);
			}
			finally {
				// The connection may go back to a pool: it must leave as it came, and the
				// scratch schema must go.
				statement.execute("SELECT set_config('search_path', " + dialect.literal(searchPath) + ", false)");
				statement.execute("DROP SCHEMA " + dialect.quote(schema) + " CASCADE");
			}
		}
	}

	private SchemaSnapshot inScratchFile(Connection live, Dialect dialect, List<SqlStatement> statements)
			throws SQLException {
		Path scratch;
		try {
			scratch = Files.createTempFile("migrator-desired-", ".db");
		}
		catch (IOException ex) {
			throw new AuthoringException(ErrorCode.SCRATCH_DATABASE,
					"Could not create a temporary file for the desired " + "schema: " + ex.getMessage()
							+ ". Check the temporary directory (java.io.tmpdir).",
					ex);
		}
		String url = "jdbc:sqlite:" + scratch.toAbsolutePath();
		try (Connection connection = driverOf(live, url).connect(url, new Properties())) {
			apply(connection, statements);
			return SchemaReflector.forDialect(dialect.name()).reflect(connection);
		}
		finally {
			try {
				Files.deleteIfExists(scratch);
			}
			catch (IOException ex) {
				scratch.toFile().deleteOnExit();
			}
		}
	}

	/**
	 * The driver of the live connection, found where its class was loaded: the
	 * application's or plugin's class path.
	 */
	private static Driver driverOf(Connection live, String url) throws SQLException {
		for (Driver driver : ServiceLoader.load(Driver.class, live.getClass().getClassLoader())) {
			if (driver.acceptsURL(url)) {
				return driver;
			}
		}
		throw new AuthoringException(ErrorCode.SCRATCH_DATABASE, "No JDBC driver for " + url + " next to the live "
				+ "connection's driver (" + live.getClass().getName() + ").");
	}

	private void apply(Connection connection, List<SqlStatement> statements) {
		for (SqlStatement sql : statements) {
			try (Statement statement = connection.createStatement()) {
				statement.execute(sql.sql());
			}
			catch (SQLException ex) {
				throw new AuthoringException(ErrorCode.DESIRED_SCHEMA_FAILED,
						this.file + ":" + sql.line() + ": the desired " + "schema does not apply: " + ex.getMessage()
								+ ". Fix the statement; the file should hold only "
								+ "CREATE statements for the tables, indexes and types, without schema names.",
						ex);
			}
		}
	}

	private static byte[] randomBytes() {
		byte[] bytes = new byte[6];
		RANDOM.nextBytes(bytes);
		return bytes;
	}

}

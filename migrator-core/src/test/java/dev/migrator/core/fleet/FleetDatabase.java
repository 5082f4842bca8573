package dev.migrator.core.fleet;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

/**
 * A database of tenant schemas for fleet tests, and three tenant-agnostic revisions (no
 * schema named anywhere) that create two tables and a row.
 */
final class FleetDatabase {

	static final String QUERY = "SELECT nspname FROM pg_namespace WHERE nspname LIKE 'tenant\\_%' ORDER BY nspname";

	static final List<String> REVISIONS = List.of("r1", "r2", "r3");

	private final DataSource dataSource;

	FleetDatabase(DataSource dataSource) {
		this.dataSource = dataSource;
	}

	DataSource dataSource() {
		return this.dataSource;
	}

	/** Creates tenant_000 .. tenant_(count-1); returns their names. */
	List<String> createTenants(int count) {
		List<String> names = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			names.add(String.format("tenant_%03d", i));
		}
		for (String name : names) {
			execute("CREATE SCHEMA " + name);
		}
		return names;
	}

	/** Writes the revisions; {@code sleepSeconds} in each makes a run last. */
	static String writeRevisions(Path folder, double sleepSeconds) {
		try {
			Files.createDirectories(folder);
			String sleep = (sleepSeconds > 0) ? "SELECT pg_sleep(" + sleepSeconds + ");\n" : "";
			Files.writeString(folder.resolve("r1.sql"),
					"-- migrator:revision r1\n-- migrator:message accounts\n"
							+ "-- migrator:upgrade\nCREATE TABLE accounts (id bigint PRIMARY KEY, name text);\n" + sleep
							+ "-- migrator:downgrade\nDROP TABLE accounts;\n");
			Files.writeString(folder.resolve("r2.sql"),
					"-- migrator:revision r2\n-- migrator:revises r1\n-- migrator:message invoices\n"
							+ "-- migrator:upgrade\nCREATE TABLE invoices (id bigint PRIMARY KEY, account_id bigint "
							+ "REFERENCES accounts (id));\n" + sleep + "-- migrator:downgrade\nDROP TABLE invoices;\n");
			Files.writeString(folder.resolve("r3.sql"),
					"-- migrator:revision r3\n-- migrator:revises r2\n-- migrator:message first account\n"
							+ "-- migrator:upgrade\nINSERT INTO accounts (id, name) VALUES (1, 'first');\n" + sleep
							+ "-- migrator:downgrade\nDELETE FROM accounts WHERE id = 1;\n");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return "filesystem:" + folder.toAbsolutePath();
	}

	/** The tables of a schema, sorted. */
	List<String> tables(String schema) {
		return strings("SELECT table_name FROM information_schema.tables WHERE table_schema = '" + schema
				+ "' ORDER BY table_name");
	}

	long count(String sql) {
		try (Connection connection = this.dataSource.getConnection();
				Statement statement = connection.createStatement();
				ResultSet row = statement.executeQuery(sql)) {
			row.next();
			return row.getLong(1);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	List<String> strings(String sql) {
		List<String> values = new ArrayList<>();
		try (Connection connection = this.dataSource.getConnection();
				Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery(sql)) {
			while (rows.next()) {
				values.add(rows.getString(1));
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
		return values;
	}

	void execute(String sql) {
		try (Connection connection = this.dataSource.getConnection();
				Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

}

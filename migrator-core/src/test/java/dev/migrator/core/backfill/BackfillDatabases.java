package dev.migrator.core.backfill;

import dev.migrator.core.Migrator;
import dev.migrator.core.config.MigratorConfig;
import dev.migrator.core.script.Backfill;
import dev.migrator.core.script.Phase;
import dev.migrator.core.script.Revision;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.function.Consumer;

import javax.sql.DataSource;

/**
 * Tables of rows to backfill on the tests' databases, and migrators whose one revision
 * declares the backfill.
 */
final class BackfillDatabases {

	/**
	 * The revision that declares the backfill under test: nothing but the declaration.
	 */
	static final String REVISION = "0001_backfill";

	private BackfillDatabases() {
	}

	/**
	 * A table {@code items} with ids 1..rows and a counter at 0 that an additive backfill
	 * bumps.
	 */
	static void createItems(DataSource dataSource, int rows) throws SQLException {
		try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
			boolean sqlite = connection.getMetaData().getDatabaseProductName().toLowerCase().contains("sqlite");
			if (sqlite) {
				statement.execute("CREATE TABLE items (id INTEGER PRIMARY KEY, counter INTEGER NOT NULL DEFAULT 0, "
						+ "status varchar(20))");
				statement.execute("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < " + rows
						+ ") INSERT INTO items (id) SELECT i FROM n");
			}
			else {
				statement.execute("CREATE TABLE items (id bigint PRIMARY KEY, counter integer NOT NULL DEFAULT 0, "
						+ "status varchar(20))");
				statement.execute("INSERT INTO items (id) SELECT g FROM generate_series(1, " + rows + ") g");
			}
		}
	}

	/**
	 * A migrator whose only revision declares the backfill; upgraded, so the backfill may
	 * run.
	 */
	static Migrator upgradedMigrator(DataSource dataSource, Backfill backfill, Consumer<MigratorConfig.Builder> more) {
		Migrator migrator = migrator(dataSource, backfill, more);
		migrator.upgrade("heads");
		return migrator;
	}

	static Migrator migrator(DataSource dataSource, Backfill backfill, Consumer<MigratorConfig.Builder> more) {
		Revision revision = Revision.builder(REVISION).phase(Phase.MIGRATE).backfill(backfill).build();
		// These tests drive the backfill job itself: upgrade only applies the revision.
		MigratorConfig.Builder builder = MigratorConfig.builder()
			.dataSource(dataSource)
			.locations(List.of())
			.source(() -> List.of(revision))
			.runBackfillsOnUpgrade(false);
		more.accept(builder);
		return Migrator.create(builder.build());
	}

	static long count(DataSource dataSource, String sql) throws SQLException {
		try (Connection connection = dataSource.getConnection();
				Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery(sql)) {
			rs.next();
			return rs.getLong(1);
		}
	}

	static String string(DataSource dataSource, String sql) throws SQLException {
		try (Connection connection = dataSource.getConnection();
				Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery(sql)) {
			return rs.next() ? rs.getString(1) : null;
		}
	}

	static void execute(DataSource dataSource, String sql) throws SQLException {
		try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

}

package dev.migrator.core.reliability;

import dev.migrator.core.Migrator;
import dev.migrator.core.config.MigratorConfig;
import dev.migrator.core.op.Column;
import dev.migrator.core.op.ColumnType;
import dev.migrator.core.script.Direction;
import dev.migrator.core.script.JavaMigration;
import dev.migrator.core.script.MigrationBody;
import dev.migrator.core.script.Revision;
import dev.migrator.testsupport.TestDataSources;
import dev.migrator.testsupport.TestPostgres;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Table, column, index and state-table names built to break out of their quotes stay
 * single identifiers: the objects are created under exactly those names, and a canary
 * table that each name tries to drop survives.
 */
class HostileIdentifierTests {

	private static final String TABLE = "t\"; DROP TABLE canary; --";

	private static final String COLUMN = "c'); DROP TABLE canary; --";

	private static final String ADDED_COLUMN = "x\"y;z`w]";

	private static final String INDEX = "i\"; DELETE FROM canary; --";

	private static final String VALUE = "'); DROP TABLE canary; --";

	private static final String VERSION_TABLE = "v\"; DROP TABLE canary; --";

	private static final String HISTORY_TABLE = "h'; DROP TABLE canary; --";

	private static final String SCHEMA = "s\"; DROP TABLE canary; --";

	@TempDir
	Path temp;

	@ParameterizedTest
	@ValueSource(strings = { "postgresql", "sqlite" })
	void hostileNamesInOperationsAndStateTablesStaySingleIdentifiers(String database) throws Exception {
		String url = database.equals("sqlite") ? "jdbc:sqlite:" + this.temp.resolve("hostile.db").toAbsolutePath()
				: TestPostgres.shared().createDatabase();
		DataSource dataSource = TestDataSources.forUrl(url, TestPostgres.shared().user(),
				database.equals("sqlite") ? "" : TestPostgres.shared().password());
		try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
			statement.execute("CREATE TABLE canary (id int)");
			statement.execute("INSERT INTO canary VALUES (1)");
		}
		MigratorConfig.Builder config = MigratorConfig.builder()
			.dataSource(dataSource)
			.locations(List.of())
			.source(() -> List.of(hostileRevision()))
			.versionTable(VERSION_TABLE)
			.historyTable(HISTORY_TABLE);
		if (database.equals("postgresql")) {
			config.schema(SCHEMA);
		}
		Migrator migrator = Migrator.create(config.build());

		assertThat(migrator.upgrade("heads").steps()).hasSize(1);
		assertThat(migrator.current()).containsExactly("0001_hostile");

		try (Connection connection = dataSource.getConnection()) {
			assertThat(single(connection, "SELECT count(*) FROM canary")).as("the canary survives").isEqualTo("1");
			assertThat(columns(connection, database, TABLE)).containsExactly("id", COLUMN, ADDED_COLUMN);
			String quotedTable = quote(TABLE);
			assertThat(single(connection, "SELECT " + quote(COLUMN) + " FROM " + quotedTable + " WHERE id = 1"))
				.isEqualTo(VALUE);
			String stateSchema = database.equals("postgresql") ? quote(SCHEMA) + "." : "";
			assertThat(single(connection, "SELECT version_num FROM " + stateSchema + quote(VERSION_TABLE)))
				.isEqualTo("0001_hostile");
			assertThat(single(connection, "SELECT outcome FROM " + stateSchema + quote(HISTORY_TABLE)))
				.isEqualTo("success");
			assertThat(indexExists(connection, database)).as("the index exists under its exact name").isTrue();
		}
	}

	private static Revision hostileRevision() {
		JavaMigration migration = (context) -> {
			context.op()
				.createTable(TABLE, Column.of("id", ColumnType.integer()).primaryKey(),
						Column.of(COLUMN, ColumnType.text()));
			context.op().addColumn(TABLE, Column.of(ADDED_COLUMN, ColumnType.text()));
			context.op().createIndex(INDEX, TABLE, COLUMN);
			context.op().bulkInsert(TABLE, List.of("id", COLUMN), List.of(List.of(1, VALUE)));
		};
		return Revision.builder("0001_hostile")
			.checksum("0001_hostile")
			.upgrade(new MigrationBody.Java(migration, Direction.UPGRADE))
			.build();
	}

	private static List<String> columns(Connection connection, String database, String table) throws SQLException {
		String sql = database.equals("sqlite") ? "SELECT name FROM pragma_table_info(?) ORDER BY cid"
				: "SELECT column_name FROM information_schema.columns WHERE table_schema = 'public' AND table_name = ? "
						+ "ORDER BY ordinal_position";
		List<String> names = new ArrayList<>();
		try (PreparedStatement statement = connection.prepareStatement(sql)) {
			statement.setString(1, table);
			try (ResultSet rows = statement.executeQuery()) {
				while (rows.next()) {
					names.add(rows.getString(1));
				}
			}
		}
		return names;
	}

	private static boolean indexExists(Connection connection, String database) throws SQLException {
		String sql = database.equals("sqlite") ? "SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name = ?"
				: "SELECT count(*) FROM pg_class WHERE relkind = 'i' AND relname = ?";
		try (PreparedStatement statement = connection.prepareStatement(sql)) {
			statement.setString(1, INDEX);
			try (ResultSet rows = statement.executeQuery()) {
				rows.next();
				return rows.getLong(1) == 1;
			}
		}
	}

	private static String single(Connection connection, String sql) throws SQLException {
		try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
			assertThat(rows.next()).as(sql).isTrue();
			return rows.getString(1);
		}
	}

	private static String quote(String identifier) {
		return "\"" + identifier.replace("\"", "\"\"") + "\"";
	}

}

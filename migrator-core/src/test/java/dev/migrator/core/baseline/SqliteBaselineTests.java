package dev.migrator.core.baseline;

import dev.migrator.core.Migrator;
import dev.migrator.core.command.BaselineRequest;
import dev.migrator.core.command.BaselineResult;
import dev.migrator.core.config.MigratorConfig;
import dev.migrator.core.error.MigratorException;
import dev.migrator.testsupport.TestDataSources;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The baseline on SQLite files: the stored SQL of every table, index, view and trigger is
 * what an empty database upgraded from the baseline ends with (the same
 * {@code sqlite_master}).
 */
class SqliteBaselineTests {

	/** Every kind of object SQLite keeps, as a person or another tool would make them. */
	static final List<String> EVERY_KIND = List.of("""
			CREATE TABLE customers (
			  id INTEGER PRIMARY KEY AUTOINCREMENT,
			  email TEXT NOT NULL CONSTRAINT customers_email_unique UNIQUE,
			  name TEXT COLLATE NOCASE DEFAULT 'someone',
			  created_at TEXT NOT NULL DEFAULT (datetime('now')),
			  email_key TEXT GENERATED ALWAYS AS (lower(email)) STORED,
			  CONSTRAINT customers_name_check CHECK (name <> '')
			)""", """
			CREATE TABLE "Order Lines" (
			  order_id INTEGER NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
			  line INTEGER NOT NULL,
			  qty INTEGER NOT NULL DEFAULT 1 CHECK (qty > 0),
			  PRIMARY KEY (order_id, line)
			) WITHOUT ROWID""", """
			CREATE TABLE orders (
			  id INTEGER PRIMARY KEY,
			  customer_id INTEGER NOT NULL,
			  status TEXT DEFAULT 'new',
			  total NUMERIC(12, 2),
			  CONSTRAINT orders_customer_fk FOREIGN KEY (customer_id) REFERENCES customers (id)
			)""", "CREATE TABLE settings (key TEXT PRIMARY KEY, value ANY) STRICT",
			"CREATE UNIQUE INDEX orders_open_idx ON orders (customer_id) WHERE status <> 'void'",
			"CREATE INDEX customers_lower_name_idx ON customers (lower(name) DESC)",
			"CREATE VIEW open_orders AS SELECT id, customer_id FROM orders WHERE status = 'new'",
			"CREATE VIEW customer_open_orders AS SELECT c.email, o.id FROM customers c JOIN open_orders o "
					+ "ON o.customer_id = c.id",
			"""
					CREATE TRIGGER orders_void AFTER UPDATE OF status ON orders WHEN NEW.status = 'void'
					BEGIN
					  DELETE FROM "Order Lines" WHERE order_id = NEW.id;
					  UPDATE orders SET total = 0 WHERE id = NEW.id;
					END""", "CREATE TABLE databasechangelog (id TEXT, author TEXT)",
			"CREATE TABLE DATABASECHANGELOGLOCK (id INTEGER PRIMARY KEY, locked BOOLEAN)",
			"CREATE INDEX databasechangelog_id_idx ON databasechangelog (id)");

	@TempDir
	Path temp;

	private Path output;

	private DataSource live;

	@BeforeEach
	void createDatabase() {
		this.output = this.temp.resolve("revisions");
		this.live = TestDataSources.sqliteFile(this.temp.resolve("live.db"));
	}

	@Test
	void anEmptyDatabaseUpgradedFromTheBaselineHasTheSameSchema() throws Exception {
		execute(this.live, EVERY_KIND);
		List<String> before = CatalogDump.sqlite(this.live);

		BaselineResult result = migrator(this.live).baseline(new BaselineRequest(this.output));

		assertThat(result.objects()).containsExactly(java.util.Map.entry("table", 4), java.util.Map.entry("index", 2),
				java.util.Map.entry("view", 2), java.util.Map.entry("trigger", 1));
		assertThat(result.schema()).isEqualTo("main schema of database live.db");
		String text = Files.readString(result.file());
		assertThat(text).contains("CREATE TABLE customers (", "WITHOUT ROWID;", "STRICT;", "\nEND;\n")
			.doesNotContain("databasechangelog", "DATABASECHANGELOGLOCK", "sqlite_sequence", "migrator_version");
		DataSource empty = TestDataSources.sqliteFile(this.temp.resolve("empty.db"));
		migrator(empty).upgrade("heads");
		assertThat(withoutBookkeeping(CatalogDump.sqlite(empty))).isEqualTo(withoutBookkeeping(before));
	}

	@Test
	void theBaselinedDatabaseIsAtTheBaselineAndALaterRevisionUpgradesIt() throws Exception {
		execute(this.live, EVERY_KIND);
		migrator(this.live).baseline(new BaselineRequest(this.output));
		assertThat(migrator(this.live).current()).containsExactly("baseline");
		Files.writeString(this.output.resolve("0002_phone.sql"), """
				-- migrator:revision 0002_phone
				-- migrator:revises baseline
				-- migrator:upgrade
				ALTER TABLE customers ADD COLUMN phone TEXT;
				""");

		migrator(this.live).upgrade("heads");

		assertThat(migrator(this.live).current()).containsExactly("0002_phone");
		assertThat(PostgresBaselineTests.strings(this.live,
				"SELECT name FROM pragma_table_info('customers') " + "WHERE name = 'phone'"))
			.containsExactly("phone");
	}

	@Test
	void refusesADatabaseMigratorAlreadyMigrates() throws Exception {
		execute(this.live, List.of("CREATE TABLE people (id INTEGER PRIMARY KEY)"));
		migrator(this.live).baseline(new BaselineRequest(this.output));

		assertThatExceptionOfType(MigratorException.class)
			.isThrownBy(() -> migrator(this.live).baseline(new BaselineRequest(this.temp.resolve("b"), "again")))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo("baseline-already-migrated"))
			.withMessageContaining("at baseline")
			.withMessageContaining("use stamp");
		assertThat(this.temp.resolve("b")).doesNotExist();
	}

	@Test
	void refusesARevisionIdThatNamesATarget() throws Exception {
		execute(this.live, List.of("CREATE TABLE people (id INTEGER PRIMARY KEY)"));

		for (String id : List.of("base", "heads", "has space")) {
			assertThatExceptionOfType(MigratorException.class)
				.isThrownBy(() -> migrator(this.live).baseline(new BaselineRequest(this.output, id)))
				.satisfies((ex) -> assertThat(ex.code()).isEqualTo("invalid-configuration"))
				.withMessageContaining("'" + id + "' is not a revision id for the baseline");
		}
		assertThat(this.output).doesNotExist();
	}

	private Migrator migrator(DataSource dataSource) {
		return Migrator
			.create(MigratorConfig.builder().dataSource(dataSource).locations("filesystem:" + this.output).build());
	}

	// The other tools' tables stay behind in the live database only; migrator's own are
	// in both.
	private static List<String> withoutBookkeeping(List<String> dump) {
		return dump.stream()
			.filter((line) -> !line.toLowerCase(java.util.Locale.ROOT).contains("databasechangelog"))
			.filter((line) -> !line.contains("migrator_"))
			.toList();
	}

	private static void execute(DataSource dataSource, List<String> statements) throws SQLException {
		try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
			for (String sql : statements) {
				statement.execute(sql);
			}
		}
	}

}

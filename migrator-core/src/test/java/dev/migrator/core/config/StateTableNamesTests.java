package dev.migrator.core.config;

import dev.migrator.core.Migrator;
import dev.migrator.core.error.MigratorException;
import dev.migrator.testsupport.TestDataSources;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.UnaryOperator;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Two settings naming one state table are refused at start, naming both settings, before
 * anything is created.
 */
class StateTableNamesTests {

	@TempDir
	Path temp;

	@Test
	void aVersionTableNamedAsTheBackfillChunkTableIsRefused() throws Exception {
		assertRefused((builder) -> builder.backfillTable("foo").versionTable("foo_chunk"),
				"The version table 'foo_chunk' (migrator.version-table) and the backfill chunk table 'foo_chunk' "
						+ "(migrator.backfill.table plus _chunk) name the same table");
	}

	@Test
	void aBackfillTableNamedAsTheClientsTableIsRefused() throws Exception {
		assertRefused((builder) -> builder.backfillTable("migrator_clients"),
				"The clients table 'migrator_clients' (migrator.clients.table) and the backfill progress table "
						+ "'migrator_clients' (migrator.backfill.table) name the same table");
	}

	@Test
	void aHistoryTableNamedAsTheBackfillTableInAnotherCaseIsRefused() throws Exception {
		// SQLite compares names without regard to ASCII case.
		assertRefused((builder) -> builder.backfillTable("Progress").historyTable("progress"),
				"The history table 'progress' (migrator.history-table) and the backfill progress table 'Progress' "
						+ "(migrator.backfill.table) name the same table");
	}

	@Test
	void aNameOfMoreThan63BytesIsRefusedThoughItHasFewerCharacters() throws Exception {
		// 38 characters, 75 bytes: PostgreSQL keeps the first 63 bytes of each, the same
		// for both.
		String version = "é".repeat(37) + "v";
		String history = "é".repeat(37) + "h";
		DataSource postgres = TestDataSources.freshPostgres();
		Files.createDirectories(this.temp.resolve("revisions"));
		assertThatThrownBy(() -> Migrator
			.create(MigratorConfig.builder()
				.dataSource(postgres)
				.locations("filesystem:" + this.temp.resolve("revisions"))
				.versionTable(version)
				.historyTable(history)
				.build())
			.upgrade("heads"))
			.isInstanceOfSatisfying(MigratorException.class,
					(ex) -> assertThat(ex.code()).isEqualTo("invalid-configuration"))
			.hasMessageContaining("The version table name '" + version + "' is 75 bytes long in UTF-8")
			.hasMessageContaining("at most 63");
		try (var connection = postgres.getConnection();
				var rows = connection.createStatement()
					.executeQuery("SELECT count(*) FROM pg_tables WHERE schemaname = current_schema()")) {
			rows.next();
			assertThat(rows.getInt(1)).as("nothing was created").isZero();
		}
	}

	private void assertRefused(UnaryOperator<MigratorConfig.Builder> settings, String message) throws Exception {
		Path file = this.temp.resolve("app.db");
		DataSource dataSource = TestDataSources.sqliteFile(file);
		Files.createDirectories(this.temp.resolve("revisions"));
		assertThatThrownBy(() -> Migrator
			.create(settings.apply(MigratorConfig.builder()
				.dataSource(dataSource)
				.locations("filesystem:" + this.temp.resolve("revisions"))).build())
			.upgrade("heads"))
			.isInstanceOfSatisfying(MigratorException.class,
					(ex) -> assertThat(ex.code()).isEqualTo("invalid-configuration"))
			.hasMessageContaining(message);
		try (var connection = dataSource.getConnection();
				var rows = connection.createStatement().executeQuery("SELECT count(*) FROM sqlite_master")) {
			rows.next();
			assertThat(rows.getInt(1)).as("nothing was created").isZero();
		}
	}

}

package dev.migrator.core.flyway;

import dev.migrator.core.Migrator;
import dev.migrator.core.command.FlywayImportRequest;
import dev.migrator.core.command.FlywayImportResult;
import dev.migrator.core.config.MigratorConfig;
import dev.migrator.core.error.MigratorException;
import dev.migrator.core.script.Revision;
import dev.migrator.testsupport.TestDataSources;
import dev.migrator.testsupport.TestPostgres;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The Flyway import against projects that real Flyway applied to real PostgreSQL: the
 * revisions it writes, the state it records, what it refuses (writing and recording
 * nothing), and an upgrade by migrator afterwards.
 */
class FlywayImportTests {

	@TempDir
	Path temp;

	private Path project;

	private Path output;

	private String url;

	private DataSource dataSource;

	@BeforeEach
	void createDatabase() throws Exception {
		TestPostgres server = TestPostgres.shared();
		this.url = server.createDatabase();
		this.dataSource = TestDataSources.forUrl(this.url, server.user(), server.password());
		this.project = Files.createDirectories(this.temp.resolve("flyway"));
		this.output = this.temp.resolve("revisions");
		write("V1__create_people.sql", "CREATE TABLE people (id bigint PRIMARY KEY, name text NOT NULL);\r\n");
		write("V1.1__add_email.sql", "ALTER TABLE people ADD COLUMN email text;\n-- a comment\n");
		write("V2_1__people_by_email.sql", "CREATE INDEX CONCURRENTLY people_email_idx ON people (email);\n");
		write("V3__orders.sql", "CREATE TABLE orders (id bigint PRIMARY KEY, person_id bigint REFERENCES people);\n");
		write("README.txt", "not a migration");
	}

	@Test
	void importsWhatFlywayAppliedAndLeavesTheRestPendingForMigrator() throws Exception {
		flyway(Map.of()).target("2.1").load().migrate();

		FlywayImportResult result = migrator(this.output).importFlyway(request(Map.of()));

		assertThat(result.written()).extracting((p) -> p.getFileName().toString())
			.containsExactly("V1__create_people.sql", "V1.1__add_email.sql", "V2_1__people_by_email.sql",
					"V3__orders.sql");
		assertThat(result.current()).contains("V2_1__people_by_email");
		assertThat(result.pending()).containsExactly("V3__orders");
		assertThat(result.recorded()).isTrue();
		assertThat(Files.readString(this.output.resolve("V1.1__add_email.sql")))
			.startsWith("-- migrator:revision V1.1__add_email\n-- migrator:revises V1__create_people\n"
					+ "-- migrator:message add email (imported from Flyway's V1.1__add_email.sql)\n"
					+ "-- migrator:upgrade\nALTER TABLE people ADD COLUMN email text;\n");
		assertThat(rows("SELECT version_num FROM migrator_version")).containsExactly("V2_1__people_by_email");
		List<String> flyway = rows("SELECT installed_by || '|' || installed_on || '|' || execution_time FROM "
				+ "flyway_schema_history WHERE version IS NOT NULL ORDER BY installed_rank");
		List<String> history = rows("SELECT h.run_by || '|' || h.started_at::timestamp || '|' || h.duration_ms "
				+ "FROM migrator_history h ORDER BY h.id");
		assertThat(history).as("who applied each, when and for how long, as Flyway recorded it")
			.containsExactlyElementsOf(flyway);
		assertThat(rows("SELECT revision FROM migrator_history ORDER BY id")).containsExactly("V1__create_people",
				"V1.1__add_email", "V2_1__people_by_email");

		Migrator migrator = migrator(this.output);
		assertThat(migrator.status().checksumMismatches()).as("the recorded checksums are the written files'")
			.isEmpty();
		assertThat(migrator.pending()).extracting(Revision::id).containsExactly("V3__orders");

		FlywayImportResult again = migrator(this.output).importFlyway(request(Map.of()));
		assertThat(again.written()).as("running it again writes nothing").isEmpty();
		assertThat(again.unchanged()).hasSize(4);
		assertThat(again.recorded()).isFalse();
		assertThat(rows("SELECT count(*) FROM migrator_history")).containsExactly("3");

		Files.writeString(this.output.resolve("0004_people_phone.sql"),
				"-- migrator:revision 0004_people_phone\n-- migrator:revises V3__orders\n-- migrator:upgrade\n"
						+ "ALTER TABLE people ADD COLUMN phone text;\n");
		Migrator after = migrator(this.output);
		after.upgrade("heads");
		assertThat(after.current()).containsExactly("0004_people_phone");
		assertThat(rows("SELECT count(*) FROM information_schema.columns WHERE table_name = 'people' "
				+ "AND column_name = 'phone'"))
			.containsExactly("1");
		assertThat(rows("SELECT count(*) FROM orders")).containsExactly("0");
	}

	@Test
	void aRepeatableMigrationBecomesARepeatableRevisionRecordedAsFlywayLastRanIt() throws Exception {
		write("R__people_names.sql", "CREATE OR REPLACE VIEW people_names AS SELECT name FROM people;\n");
		write("R__order_ids.sql", "CREATE OR REPLACE VIEW order_ids AS SELECT id FROM orders;\n");
		flyway(Map.of()).load().migrate();
		// Changed since Flyway's last run: Flyway would run it again, and so must
		// migrator.
		write("R__order_ids.sql", "CREATE OR REPLACE VIEW order_ids AS SELECT id, person_id FROM orders;\n");

		FlywayImportResult result = migrator(this.output).importFlyway(request(Map.of()));

		assertThat(result.current()).contains("V3__orders");
		assertThat(result.pending()).containsExactly("R__order_ids");
		assertThat(Files.readString(this.output.resolve("R__people_names.sql")))
			.isEqualTo("-- migrator:revision R__people_names\n-- migrator:repeatable true\n"
					+ "-- migrator:message people names (imported from Flyway's R__people_names.sql)\n"
					+ "-- migrator:upgrade\nCREATE OR REPLACE VIEW people_names AS SELECT name FROM people;\n");
		assertThat(rows("SELECT revision FROM migrator_history WHERE revision LIKE 'R%' ORDER BY id"))
			.containsExactly("R__people_names");
		Migrator migrator = migrator(this.output);
		assertThat(migrator.pending()).extracting(Revision::id).containsExactly("R__order_ids");
		assertThat(migrator.upgrade("heads").steps()).extracting((step) -> step.revision())
			.containsExactly("R__order_ids");
		assertThat(rows("SELECT count(*) FROM information_schema.columns WHERE table_name = 'order_ids'"))
			.containsExactly("2");
		assertThat(migrator(this.output).pending()).isEmpty();
	}

	@Test
	void aFileEditedSinceFlywayAppliedItIsRefusedAndNothingIsWrittenOrRecorded() throws Exception {
		flyway(Map.of()).load().migrate();
		write("V1.1__add_email.sql", "ALTER TABLE people ADD COLUMN email varchar(320);\n");

		assertThatExceptionOfType(MigratorException.class)
			.isThrownBy(() -> migrator(this.output).importFlyway(request(Map.of())))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo("import-checksum-mismatch"))
			.withMessageContaining("V1.1__add_email.sql was edited after Flyway applied it")
			.withMessageContaining("Nothing was written or recorded");
		assertThat(this.output).doesNotExist();
		assertThat(rows("SELECT count(*) FROM information_schema.tables WHERE table_name LIKE 'migrator%'"))
			.containsExactly("0");
	}

	@Test
	void placeholdersAreReplacedByTheValuesFlywayWasGivenAndAnUnknownOneIsRefused() throws Exception {
		write("V4__audit.sql",
				"CREATE TABLE ${prefix}_audit (id bigint);\nGRANT SELECT ON ${prefix}_audit TO PUBLIC;\n");
		flyway(Map.of("prefix", "app")).load().migrate();

		assertThatExceptionOfType(MigratorException.class)
			.isThrownBy(() -> migrator(this.output).importFlyway(request(Map.of())))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo("import-unknown-placeholder"))
			.withMessageContaining("V4__audit.sql:1 uses the Flyway placeholder ${prefix}")
			.withMessageContaining("migrator.import.placeholders.prefix");
		assertThat(this.output).doesNotExist();

		FlywayImportResult result = migrator(this.output).importFlyway(request(Map.of("prefix", "app")));
		assertThat(result.current()).contains("V4__audit");
		assertThat(Files.readString(this.output.resolve("V4__audit.sql"))).contains("CREATE TABLE app_audit")
			.doesNotContain("${");
	}

	// migrator's own placeholders must not read again what Flyway's replacement left.
	@Test
	void sqlThatStillHoldsADollarBraceAfterFlywaysReplacementIsWrittenWithPlaceholdersOff() throws Exception {
		write("V4__greetings.sql",
				"CREATE TABLE greetings (body text);\nINSERT INTO greetings VALUES ('${greeting}');\n");
		flyway(Map.of("greeting", "Hello ${name}")).load().migrate();

		migrator(this.output).importFlyway(request(Map.of("greeting", "Hello ${name}")));

		assertThat(Files.readString(this.output.resolve("V4__greetings.sql")))
			.contains("-- migrator:placeholders false\n-- migrator:upgrade\n")
			.contains("VALUES ('Hello ${name}');");
		assertThat(Files.readString(this.output.resolve("V3__orders.sql"))).doesNotContain("placeholders");
		assertThat(migrator(this.output).status().isUpToDate()).isTrue();
		assertThat(rows("SELECT body FROM greetings")).containsExactly("Hello ${name}");
	}

	@Test
	void aMigrationFlywaySkippedBelowOneItAppliedIsRefused() throws Exception {
		Files.move(this.project.resolve("V2_1__people_by_email.sql"), this.temp.resolve("V2_1__people_by_email.sql"));
		flyway(Map.of()).load().migrate();
		Files.move(this.temp.resolve("V2_1__people_by_email.sql"), this.project.resolve("V2_1__people_by_email.sql"));

		assertThatExceptionOfType(MigratorException.class)
			.isThrownBy(() -> migrator(this.output).importFlyway(request(Map.of())))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo("import-out-of-order"))
			.withMessageContaining(
					"V2_1__people_by_email.sql was never applied, but Flyway applied the later version 3");
		assertThat(this.output).doesNotExist();
	}

	@Test
	void javaAndFailedMigrationsInTheHistoryAreRefused() throws Exception {
		flyway(Map.of()).target("1.1").load().migrate();
		execute("INSERT INTO flyway_schema_history (installed_rank, version, description, type, script, checksum, "
				+ "installed_by, execution_time, success) VALUES (10, '2.0', 'backfill', 'JDBC', "
				+ "'db.migration.V2_0__backfill', NULL, 'ops', 12, true)");
		assertThatExceptionOfType(MigratorException.class)
			.isThrownBy(() -> migrator(this.output).importFlyway(request(Map.of())))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo("import-java-migration"))
			.withMessageContaining("version 2.0 (db.migration.V2_0__backfill, installed_rank 10)");

		execute("UPDATE flyway_schema_history SET type = 'SQL', success = false WHERE installed_rank = 10");
		assertThatExceptionOfType(MigratorException.class)
			.isThrownBy(() -> migrator(this.output).importFlyway(request(Map.of())))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo("import-failed-migration"));
		assertThat(this.output).doesNotExist();
	}

	@Test
	void aDatabaseWithoutFlywayHistoryOrAlreadyMigratedByMigratorIsRefused() throws Exception {
		assertThatExceptionOfType(MigratorException.class)
			.isThrownBy(() -> migrator(this.output).importFlyway(request(Map.of())))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo("import-no-history"))
			.withMessageContaining("flyway_schema_history")
			.withMessageContaining("migrator.import.table");

		flyway(Map.of()).target("1").load().migrate();
		Path other = Files.createDirectories(this.temp.resolve("other"));
		Files.writeString(other.resolve("0001_x.sql"),
				"-- migrator:revision 0001_x\n-- migrator:upgrade\nCREATE TABLE x (id int);\n");
		migrator(other).upgrade("heads");
		assertThatExceptionOfType(MigratorException.class)
			.isThrownBy(() -> migrator(this.output).importFlyway(request(Map.of())))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo("import-already-migrated"))
			.withMessageContaining("migrator already records this database at 0001_x");
		assertThat(this.output).doesNotExist();
	}

	@Test
	void aRevisionFileInTheWayIsRefused() throws Exception {
		flyway(Map.of()).load().migrate();
		Files.createDirectories(this.output);
		Files.writeString(this.output.resolve("V3__orders.sql"), "something else\n");

		assertThatExceptionOfType(MigratorException.class)
			.isThrownBy(() -> migrator(this.output).importFlyway(request(Map.of())))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo("import-output-conflict"))
			.withMessageContaining("V3__orders.sql exists");
		try (Stream<Path> files = Files.list(this.output)) {
			assertThat(files).hasSize(1);
		}
		assertThat(rows("SELECT count(*) FROM information_schema.tables WHERE table_name LIKE 'migrator%'"))
			.containsExactly("0");
	}

	private FlywayImportRequest request(Map<String, String> placeholders) {
		return new FlywayImportRequest(List.of("filesystem:" + this.project), FlywayImportRequest.DEFAULT_TABLE,
				this.output, placeholders);
	}

	private org.flywaydb.core.api.configuration.FluentConfiguration flyway(Map<String, String> placeholders) {
		// Flyway's default lock is a transaction on another connection, which a
		// concurrent index build waits for forever (a known Flyway problem on
		// PostgreSQL); its documented way out:
		return Flyway.configure()
			.configuration(Map.of("flyway.postgresql.transactional.lock", "false"))
			.dataSource(this.dataSource)
			.locations("filesystem:" + this.project)
			.placeholders(placeholders);
	}

	private Migrator migrator(Path locations) {
		return Migrator
			.create(MigratorConfig.builder().dataSource(this.dataSource).locations("filesystem:" + locations).build());
	}

	private void write(String name, String text) throws Exception {
		Files.writeString(this.project.resolve(name), text);
	}

	private void execute(String sql) throws SQLException {
		try (Connection connection = this.dataSource.getConnection();
				Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

	private List<String> rows(String sql) throws SQLException {
		List<String> rows = new ArrayList<>();
		try (Connection connection = this.dataSource.getConnection();
				Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery(sql)) {
			while (rs.next()) {
				rows.add(rs.getString(1));
			}
		}
		return rows;
	}

}

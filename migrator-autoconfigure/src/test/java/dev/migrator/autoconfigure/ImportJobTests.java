package dev.migrator.autoconfigure;

import dev.migrator.core.flyway.FlywayChecksum;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The job's {@code import} command, wired from {@code migrator.import.*}, on a SQLite
 * database whose Flyway history is written as Flyway writes it on SQLite. (The import
 * itself is tested against projects real Flyway applied, in migrator-core.)
 */
@ExtendWith(OutputCaptureExtension.class)
class ImportJobTests {

	private static final String V1 = "CREATE TABLE people (id integer PRIMARY KEY);\n";

	private static final String V2 = "ALTER TABLE people ADD COLUMN name text;\n";

	@TempDir
	Path temp;

	private SqliteFile database;

	private Path flyway;

	private Path output;

	@BeforeEach
	void flywayProject() throws Exception {
		this.database = new SqliteFile(this.temp.resolve("app.db"));
		this.flyway = Files.createDirectories(this.temp.resolve("db/migration"));
		this.output = this.temp.resolve("revisions");
		Files.writeString(this.flyway.resolve("V1__people.sql"), V1);
		Files.writeString(this.flyway.resolve("V2__people_name.sql"), V2);
		this.database.execute(V1);
		this.database.execute("CREATE TABLE flyway_schema_history (installed_rank INT NOT NULL PRIMARY KEY, "
				+ "version VARCHAR(50), description VARCHAR(200) NOT NULL, type VARCHAR(20) NOT NULL, "
				+ "script VARCHAR(1000) NOT NULL, checksum INT, installed_by VARCHAR(100) NOT NULL, "
				+ "installed_on TEXT NOT NULL DEFAULT (strftime('%Y-%m-%d %H:%M:%f','now')), "
				+ "execution_time INT NOT NULL, success BOOLEAN NOT NULL)");
		this.database.execute("INSERT INTO flyway_schema_history (installed_rank, version, description, type, script, "
				+ "checksum, installed_by, installed_on, execution_time, success) VALUES (1, '1', 'people', 'SQL', "
				+ "'V1__people.sql', " + FlywayChecksum.of(V1) + ", 'deployer', '2025-03-04 05:06:07.890', 42, 1)");
	}

	@Test
	void importsTheProjectAndRecordsTheDatabaseThenAnUpgradeRunsWhatFlywayHadNot(CapturedOutput output) {
		job().run((context) -> assertThat(JobRun.exitCode(context)).isZero());
		assertThat(output.getOut()).contains("Wrote " + this.output.resolve("V1__people.sql"))
			.contains("Recorded the database at V1__people")
			.contains("Pending, for the next upgrade: V2__people_name");
		assertThat(this.output.resolve("V2__people_name.sql")).isRegularFile();
		assertThat(this.database.versionRows()).containsExactly("V1__people");
		assertThat(this.database.query("SELECT run_by || '|' || duration_ms FROM migrator_history"))
			.containsExactly("deployer|42");

		job().run((context) -> assertThat(JobRun.exitCode(context)).isZero());
		assertThat(output.getOut()).contains("2 revision file(s) already there, unchanged")
			.contains("The database is at V1__people (recorded already)");

		new ApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(DataSourceAutoConfiguration.class, MigratorAutoConfiguration.class))
			.withPropertyValues(this.database.dataSourceProperty(), "spring.profiles.active=migrate",
					"migrator.locations=filesystem:" + this.output, "migrator.job.exit=false")
			.run((context) -> assertThat(JobRun.exitCode(context)).isZero());
		assertThat(this.database.versionRows()).containsExactly("V2__people_name");
		assertThat(this.database.query("SELECT count(*) FROM pragma_table_info('people') WHERE name = 'name'"))
			.containsExactly("1");
	}

	@Test
	void anImportWithoutOutputOrLocationsOrFromAnotherToolFailsStartup() {
		job("migrator.import.output=").run((context) -> assertThat(context).hasFailed()
			.getFailure()
			.hasStackTraceContaining("migrator.job.command is import but migrator.import.output is empty"));
		job("migrator.import.locations=").run((context) -> assertThat(context).hasFailed()
			.getFailure()
			.hasStackTraceContaining("migrator.import.locations is empty"));
		job("migrator.import.from=liquibase").run((context) -> assertThat(context).hasFailed()
			.getFailure()
			.hasStackTraceContaining("migrator.import.from is 'liquibase', and the import reads only Flyway projects"));
	}

	private ApplicationContextRunner job(String... properties) {
		return new ApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(DataSourceAutoConfiguration.class, MigratorAutoConfiguration.class))
			.withPropertyValues(this.database.dataSourceProperty(), "spring.profiles.active=migrate",
					"migrator.job.command=import", "migrator.import.locations=filesystem:" + this.flyway,
					"migrator.import.output=" + this.output, "migrator.job.exit=false")
			.withPropertyValues(properties);
	}

}

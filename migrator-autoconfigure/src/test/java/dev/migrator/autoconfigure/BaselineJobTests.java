package dev.migrator.autoconfigure;

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
 * The job's {@code baseline} command, wired from {@code migrator.baseline.*}, on a SQLite
 * database made by hand. (The round trips of every kind of object are tested in
 * migrator-core.)
 */
@ExtendWith(OutputCaptureExtension.class)
class BaselineJobTests {

	@TempDir
	Path temp;

	private SqliteFile database;

	private Path output;

	@BeforeEach
	void handMadeDatabase() {
		this.database = new SqliteFile(this.temp.resolve("app.db"));
		this.output = this.temp.resolve("revisions");
		this.database.execute("CREATE TABLE people (id INTEGER PRIMARY KEY, name TEXT NOT NULL)");
		this.database.execute("CREATE INDEX people_name_idx ON people (name)");
		this.database.execute("CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL PRIMARY KEY)");
	}

	@Test
	void writesTheBaselineAndRecordsTheDatabaseThenAnUpgradeGoesOnFromIt(CapturedOutput output) throws Exception {
		job().run((context) -> assertThat(JobRun.exitCode(context)).isZero());
		assertThat(output.getOut()).contains("Wrote " + this.output.resolve("baseline.sql"))
			.contains("It recreates 1 table, 1 index")
			.contains("Recorded the database at baseline without running it");
		assertThat(Files.readString(this.output.resolve("baseline.sql"))).contains("CREATE TABLE people")
			.doesNotContain("alembic_version");
		assertThat(this.database.versionRows()).containsExactly("baseline");
		assertThat(this.database.query("SELECT direction FROM migrator_history")).containsExactly("baseline");

		job().run((context) -> assertThat(JobRun.exitCode(context)).isZero());
		assertThat(output.getOut()).contains("The database is recorded at baseline already");
		assertThat(this.database.query("SELECT direction FROM migrator_history")).containsExactly("baseline");

		Files.writeString(this.output.resolve("0002_email.sql"), """
				-- migrator:revision 0002_email
				-- migrator:revises baseline
				-- migrator:upgrade
				ALTER TABLE people ADD COLUMN email TEXT;
				""");
		new ApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(DataSourceAutoConfiguration.class, MigratorAutoConfiguration.class))
			.withPropertyValues(this.database.dataSourceProperty(), "spring.profiles.active=migrate",
					"migrator.locations=filesystem:" + this.output, "migrator.job.exit=false")
			.run((context) -> assertThat(JobRun.exitCode(context)).isZero());
		assertThat(this.database.versionRows()).containsExactly("0002_email");
	}

	@Test
	void aFileInTheWayFailsTheJobNamingIt(CapturedOutput output) throws Exception {
		Files.createDirectories(this.output);
		Files.writeString(this.output.resolve("first.sql"), "-- someone's\n");

		job("migrator.baseline.revision=first")
			.run((context) -> assertThat(JobRun.exitCode(context)).isEqualTo(MigratorJobRunner.FAILURE));

		assertThat(output.getOut()).contains(this.output.resolve("first.sql") + " exists already");
		assertThat(this.database.tables()).as("nothing recorded, not even the state tables")
			.doesNotContain("migrator_version");
	}

	@Test
	void aBaselineWithoutOutputFailsStartup() {
		job("migrator.baseline.output=").run((context) -> assertThat(context).hasFailed()
			.getFailure()
			.hasStackTraceContaining("migrator.job.command is baseline but migrator.baseline.output is empty"));
	}

	private ApplicationContextRunner job(String... properties) {
		return new ApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(DataSourceAutoConfiguration.class, MigratorAutoConfiguration.class))
			.withPropertyValues(this.database.dataSourceProperty(), "spring.profiles.active=migrate",
					"migrator.job.command=baseline", "migrator.baseline.output=" + this.output,
					"migrator.locations=filesystem:" + this.output, "migrator.job.exit=false")
			.withPropertyValues(properties);
	}

}

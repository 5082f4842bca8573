package dev.migrator.autoconfigure;

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
 * The job's {@code repair} command: an applied revision edited on purpose is refused by
 * upgrade until repaired, then upgrade proceeds and check finds nothing edited.
 */
@ExtendWith(OutputCaptureExtension.class)
class RepairJobTests {

	@TempDir
	Path temp;

	private SqliteFile database;

	private RevisionFiles revisions;

	@BeforeEach
	void writeRevisions() {
		this.database = new SqliteFile(this.temp.resolve("app.db"));
		this.revisions = RevisionFiles.in(this.temp.resolve("revisions")).table("0001_t", null, "t");
	}

	@Test
	void anEditedRevisionIsRefusedUntilRepairedAndThenUpgradeProceeds(CapturedOutput output) {
		job().run((context) -> assertThat(JobRun.exitCode(context)).isZero());
		this.revisions
			.file("0001_t.sql",
					"-- edited on purpose: a comment\n" + "-- migrator:revision 0001_t\n"
							+ "-- migrator:upgrade\nCREATE TABLE t (id integer PRIMARY KEY, name varchar(100));\n"
							+ "-- migrator:downgrade\nDROP TABLE t;\n")
			.table("0002_u", "0001_t", "u");
		job().run((context) -> assertThat(JobRun.exitCode(context)).isEqualTo(MigratorJobRunner.FAILURE));
		assertThat(output).contains("0001_t");
		assertThat(this.database.versionRows()).containsExactly("0001_t");

		job("migrator.job.command=repair").run((context) -> assertThat(JobRun.exitCode(context)).isZero());
		assertThat(output.getOut())
			.containsPattern("Repaired 0001_t \\(.*0001_t.sql\\): recorded its checksum "
					+ "[0-9a-f]{64} \\(was [0-9a-f]{64}\\)")
			.contains("1 repair(s) recorded in the history table");
		assertThat(this.database.query("SELECT direction FROM migrator_history ORDER BY id DESC LIMIT 1"))
			.containsExactly("repair");

		job().run((context) -> assertThat(JobRun.exitCode(context)).isZero());
		assertThat(this.database.versionRows()).containsExactly("0002_u");
		job("migrator.job.command=check", "migrator.job.check-lint=false")
			.run((context) -> assertThat(JobRun.exitCode(context)).isZero());

		job("migrator.job.command=repair")
			.run((context) -> assertThat(JobRun.exitCode(context)).isEqualTo(MigratorJobRunner.FAILURE));
		assertThat(output).contains("Nothing to repair");
	}

	@Test
	void repairRevisionsWithAnotherCommandFailsStartup() {
		job("migrator.repair.revisions=0001_t").run((context) -> assertThat(context).hasFailed()
			.getFailure()
			.hasStackTraceContaining("migrator.repair.revisions is 0001_t, which only the repair command uses"));
	}

	@Test
	void anUnknownNamedRevisionFailsAndChangesNothing(CapturedOutput output) {
		job().run((context) -> assertThat(JobRun.exitCode(context)).isZero());
		job("migrator.job.command=repair", "migrator.repair.revisions=0009_typo")
			.run((context) -> assertThat(JobRun.exitCode(context)).isEqualTo(MigratorJobRunner.FAILURE));
		assertThat(output).contains("migrator.repair.revisions names 0009_typo");
		assertThat(this.database.query("SELECT count(*) FROM migrator_history WHERE direction = 'repair'"))
			.containsExactly("0");
	}

	private ApplicationContextRunner job(String... properties) {
		return new ApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(DataSourceAutoConfiguration.class, MigratorAutoConfiguration.class))
			.withPropertyValues(this.database.dataSourceProperty(), "spring.profiles.active=migrate",
					"migrator.locations=" + this.revisions.location(), "migrator.job.exit=false")
			.withPropertyValues(properties);
	}

}

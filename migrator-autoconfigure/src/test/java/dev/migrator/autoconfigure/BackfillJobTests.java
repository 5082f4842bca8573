package dev.migrator.autoconfigure;

import dev.migrator.core.Migrator;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.env.SimpleCommandLinePropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the backfill commands of the migration job, run in-context against a SQLite
 * file.
 */
@ExtendWith(OutputCaptureExtension.class)
class BackfillJobTests {

	@TempDir
	Path temp;

	private SqliteFile database;

	private RevisionFiles revisions;

	@BeforeEach
	void writeRevisions() {
		this.database = new SqliteFile(this.temp.resolve("app.db"));
		this.revisions = BackfillRevisions.in(this.temp.resolve("revisions"));
	}

	private ApplicationContextRunner job(String... properties) {
		return new ApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(DataSourceAutoConfiguration.class, MigratorAutoConfiguration.class))
			.withPropertyValues(this.database.dataSourceProperty(), "spring.profiles.active=migrate",
					"migrator.locations=" + this.revisions.location(), "migrator.job.exit=false",
					// These tests drive the backfill commands: upgrade leaves backfills
					// to them.
					"migrator.backfill.run-on-upgrade=false")
			.withPropertyValues(properties);
	}

	private void upgrade() {
		job().run((context) -> assertThat(JobRun.exitCode(context)).isZero());
	}

	@Test
	void upgradeLeavesBackfillsToTheirOwnCommandWhichRunsThemAndPrintsTheirStatus(CapturedOutput output) {
		upgrade();
		assertThat(count("SELECT count(*) FROM items WHERE status IS NULL")).isEqualTo(BackfillRevisions.ROWS);
		job("migrator.job.command=backfill").run((context) -> assertThat(JobRun.exitCode(context)).isZero());
		assertThat(count("SELECT count(*) FROM items WHERE status = 'active'")).isEqualTo(BackfillRevisions.ROWS);
		assertThat(state()).isEqualTo("done");
		assertThat(output).containsPattern("Migration job: running backfill\\R")
			.contains("Migration job: backfill succeeded");
		assertThat(output.getOut()).containsPattern("BACKFILL +STATE +ROWS DONE +PERCENT +ROWS/S +BATCH SIZE +THROTTLE")
			.containsPattern("items_status +done +300 +100\\.0% +[\\d,]+ +50 +-");
	}

	@Test
	void runOnUpgradeRunsTheBackfillRightAfterItsRevision() {
		job("migrator.backfill.run-on-upgrade=true").run((context) -> assertThat(JobRun.exitCode(context)).isZero());
		assertThat(count("SELECT count(*) FROM items WHERE status = 'active'")).isEqualTo(BackfillRevisions.ROWS);
		assertThat(state()).isEqualTo("done");
	}

	@Test
	void oneNamedBackfillRuns(CapturedOutput output) {
		upgrade();
		job("migrator.job.command=backfill", "migrator.job.backfill=items_status")
			.run((context) -> assertThat(JobRun.exitCode(context)).isZero());
		assertThat(state()).isEqualTo("done");
		assertThat(output).contains("Migration job: running backfill of items_status");
	}

	@Test
	void statusPrintsEachBackfillWithoutWriting(CapturedOutput output) {
		job("migrator.job.command=backfill-status").run((context) -> assertThat(JobRun.exitCode(context)).isZero());
		assertThat(output.getOut()).containsPattern("items_status +pending \\(revision not applied\\) +0 +- +0 +- +-");
		assertThat(this.database.tables()).doesNotContain("migrator_backfill");
	}

	@Test
	void pauseResumeAndCancelChangeTheStoredState(CapturedOutput output) {
		upgrade();
		job("migrator.job.command=backfill-pause", "migrator.job.backfill=items_status")
			.run((context) -> assertThat(JobRun.exitCode(context)).isZero());
		assertThat(state()).isEqualTo("paused");
		assertThat(output.getOut()).containsPattern("items_status +paused");

		job("migrator.job.command=backfill").run((context) -> assertThat(JobRun.exitCode(context)).isZero());
		assertThat(count("SELECT count(*) FROM items WHERE status IS NULL")).as("a paused backfill is skipped")
			.isEqualTo(BackfillRevisions.ROWS);

		job("migrator.job.command=backfill-resume", "migrator.job.backfill=items_status")
			.run((context) -> assertThat(JobRun.exitCode(context)).isZero());
		assertThat(state()).isEqualTo("pending");

		job("migrator.job.command=backfill-cancel", "migrator.job.backfill=items_status")
			.run((context) -> assertThat(JobRun.exitCode(context)).isZero());
		assertThat(state()).isEqualTo("cancelled");
		assertThat(output.getOut()).containsPattern("items_status +cancelled");
	}

	@Test
	void aCommandTheStateForbidsOrAnUnknownNameExitsOne(CapturedOutput output) {
		upgrade();
		job("migrator.job.command=backfill").run(JobRun::exitCode);
		job("migrator.job.command=backfill-pause", "migrator.job.backfill=items_status")
			.run((context) -> assertThat(JobRun.exitCode(context)).isEqualTo(MigratorJobRunner.FAILURE));
		assertThat(output).contains("Backfill items_status is done: only a pending or running backfill can be paused");
		job("migrator.job.command=backfill-status", "migrator.job.backfill=no_such_backfill")
			.run((context) -> assertThat(JobRun.exitCode(context)).isEqualTo(MigratorJobRunner.FAILURE));
		assertThat(output).contains("No revision declares a backfill named 'no_such_backfill'")
			.contains("Known backfills: items_status");
	}

	@Test
	void pauseResumeAndCancelWithoutANameFailStartup() {
		for (String command : new String[] { "backfill-pause", "backfill-resume", "backfill-cancel" }) {
			job("migrator.job.command=" + command).run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.hasStackTraceContaining("migrator.job.command is " + command + " but migrator.job.backfill is empty"));
		}
	}

	@Test
	void aBackfillNameWithAnotherCommandFailsStartup() {
		job("migrator.job.command=upgrade", "migrator.job.backfill=items_status").run((context) -> assertThat(context)
			.hasFailed()
			.getFailure()
			.hasStackTraceContaining("migrator.job.backfill is items_status, which only the backfill commands use"));
	}

	@Test
	void hyphenatedCommandsBindFromPropertiesTheEnvironmentAndTheCommandLine() {
		job("migrator.job.command=backfill-status")
			.run((context) -> assertThat(context.getBean(MigratorProperties.class).getJob().getCommand())
				.isEqualTo(JobCommand.BACKFILL_STATUS));
		job()
			.withInitializer(
					(context) -> context.getEnvironment()
						.getPropertySources()
						.addFirst(new SystemEnvironmentPropertySource(
								StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
								Map.of("MIGRATOR_JOB_COMMAND", "backfill-pause", "MIGRATOR_JOB_BACKFILL",
										"items_status"))))
			.run((context) -> assertThat(context.getBean(MigratorProperties.class).getJob().getCommand())
				.isEqualTo(JobCommand.BACKFILL_PAUSE));
		job()
			.withInitializer((context) -> context.getEnvironment()
				.getPropertySources()
				.addFirst(new SimpleCommandLinePropertySource("--migrator.job.command=backfill-cancel",
						"--migrator.job.backfill=items_status")))
			.run((context) -> assertThat(context.getBean(MigratorProperties.class).getJob().getCommand())
				.isEqualTo(JobCommand.BACKFILL_CANCEL));
		assertThat(JobCommand.BACKFILL_STATUS.label()).isEqualTo("backfill-status");
	}

	@Test
	void theBackfillTableIsConfigurable() {
		job("migrator.backfill.table=data_jobs").run((context) -> {
			Migrator migrator = context.getBean(Migrator.class);
			migrator.upgrade("heads");
			migrator.backfills().run(BackfillRevisions.BACKFILL);
		});
		assertThat(this.database.tables()).contains("data_jobs").doesNotContain("migrator_backfill");
	}

	private String state() {
		return string("SELECT state FROM migrator_backfill WHERE name = 'items_status'");
	}

	private int count(String sql) {
		return Integer.parseInt(string(sql));
	}

	private String string(String sql) {
		try (Connection connection = DriverManager.getConnection(this.database.url());
				Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery(sql)) {
			rs.next();
			return rs.getString(1);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

}

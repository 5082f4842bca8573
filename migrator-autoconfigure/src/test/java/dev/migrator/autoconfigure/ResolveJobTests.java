package dev.migrator.autoconfigure;

import dev.migrator.core.Migrator;
import dev.migrator.core.script.Checksums;
import dev.migrator.core.script.Direction;
import dev.migrator.core.script.MigrationBody;

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
 * The job's {@code resolve} command settles a statement an interrupted run left with an
 * unknown outcome. The interruption itself (a killed job) is tested in migrator-core;
 * here the progress table is set up as a job killed during a {@code VACUUM} leaves it.
 */
@ExtendWith(OutputCaptureExtension.class)
class ResolveJobTests {

	@TempDir
	Path temp;

	private SqliteFile database;

	private RevisionFiles revisions;

	@BeforeEach
	void writeRevisions() {
		this.database = new SqliteFile(this.temp.resolve("app.db"));
		this.revisions = RevisionFiles.in(this.temp.resolve("revisions"))
			.table("0001_t", null, "t")
			.file("0002_vacuum.sql",
					"-- migrator:revision 0002_vacuum\n-- migrator:revises 0001_t\n-- migrator:transactional false\n"
							+ "-- migrator:upgrade\nINSERT INTO t (id) VALUES (1);\nVACUUM;\n"
							+ "INSERT INTO t (id) VALUES (2);\n");
	}

	@Test
	void anInterruptedVacuumIsRefusedUntilResolvedDoneThenTheRunContinuesAfterIt(CapturedOutput output) {
		interruptedDuringVacuum();

		job().run((context) -> assertThat(JobRun.exitCode(context)).isEqualTo(MigratorJobRunner.FAILURE));
		assertThat(output).contains("Revision 0002_vacuum was interrupted while its statement at ")
			.contains("0002_vacuum.sql:6 ran: VACUUM")
			.contains("migrator.job.command=resolve and migrator.job.resolve=done");

		job("migrator.job.command=resolve", "migrator.job.resolve=done")
			.run((context) -> assertThat(JobRun.exitCode(context)).isZero());
		assertThat(output.getOut()).contains("Resolved 0002_vacuum (upgrade) at line 6: done");

		job().run((context) -> assertThat(JobRun.exitCode(context)).isZero());
		assertThat(this.database.versionRows()).containsExactly("0002_vacuum");
		assertThat(this.database.query("SELECT id FROM t ORDER BY id")).as("the first insert ran once")
			.containsExactly("1", "2");
		assertThat(this.database.query("SELECT count(*) FROM migrator_version_progress")).containsExactly("0");

		job("migrator.job.command=resolve", "migrator.job.resolve=rerun")
			.run((context) -> assertThat(JobRun.exitCode(context)).isEqualTo(MigratorJobRunner.FAILURE));
		assertThat(output).contains("No statement is waiting to be resolved");
	}

	@Test
	void resolveWithoutAResolutionOrAResolutionWithAnotherCommandFailsStartup() {
		job("migrator.job.command=resolve").run((context) -> assertThat(context).hasFailed()
			.getFailure()
			.hasStackTraceContaining("migrator.job.command is resolve but migrator.job.resolve is empty"));
		job("migrator.job.resolve=done").run((context) -> assertThat(context).hasFailed()
			.getFailure()
			.hasStackTraceContaining("migrator.job.resolve is done, which only the resolve command uses"));
		job("migrator.job.command=resolve", "migrator.job.resolve=maybe").run((context) -> assertThat(context)
			.hasFailed()
			.getFailure()
			.hasStackTraceContaining("Unknown resolution 'maybe': use done (it completed) or rerun (run it again)"));
	}

	/**
	 * The state a job killed during the VACUUM leaves: the first insert done and
	 * recorded, the VACUUM marked running.
	 */
	private void interruptedDuringVacuum() {
		job("migrator.job.target=0001_t").run((context) -> assertThat(JobRun.exitCode(context)).isZero());
		this.database.execute("INSERT INTO t (id) VALUES (1)");
		mark(0, 5, checksum(0), "done");
		mark(1, 6, checksum(1), "running");
	}

	private String checksum(int index) {
		String[] checksum = new String[1];
		job().run((context) -> {
			MigrationBody.Sql body = (MigrationBody.Sql) context.getBean(Migrator.class)
				.graph()
				.find("0002_vacuum")
				.orElseThrow()
				.body(Direction.UPGRADE);
			checksum[0] = Checksums.of(body.statements().get(index).sql());
		});
		return checksum[0];
	}

	private void mark(int index, int line, String checksum, String state) {
		this.database.execute("INSERT INTO migrator_version_progress (revision, direction, statement_index, line, "
				+ "checksum, state) VALUES ('0002_vacuum', 'upgrade', " + index + ", " + line + ", '" + checksum
				+ "', '" + state + "')");
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

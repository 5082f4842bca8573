package dev.migrator.autoconfigure;

import dev.migrator.core.Migrator;
import dev.migrator.core.config.MigratorConfig;
import dev.migrator.core.report.BackfillTable;
import dev.migrator.core.report.CurrentText;
import dev.migrator.core.report.HeadsText;
import dev.migrator.core.report.HistoryText;
import dev.migrator.core.report.Report;
import dev.migrator.core.report.UpToDateText;
import dev.migrator.testsupport.TestDataSources;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.DefaultApplicationArguments;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The job prints each result exactly as the engine's report layer renders it, which is
 * what the Maven plugin prints too.
 */
class JobReportTests {

	@TempDir
	Path temp;

	private Migrator migrator;

	@BeforeEach
	void createMigrator() {
		RevisionFiles revisions = RevisionFiles.twoTables(this.temp.resolve("revisions"));
		this.migrator = Migrator.create(MigratorConfig.builder()
			.dataSource(TestDataSources.sqliteFile(this.temp.resolve("app.db")))
			.locations(revisions.location())
			.build());
	}

	@Test
	void historyIsTheReportLayersHistory() {
		assertThat(run(JobCommand.HISTORY))
			.isEqualTo(new HistoryText(this.migrator.history(""), this.migrator.heads()).text())
			.contains("0001_create_people -> 0002_create_orders (head), create orders");
	}

	@Test
	void historyShowsWhenByWhomAndHowLongEachAppliedRevisionWasInstalled() {
		this.migrator.upgrade("0001_create_people");

		String history = run(JobCommand.HISTORY);

		assertThat(history).isEqualTo(
				new HistoryText(this.migrator.history(""), this.migrator.heads(), this.migrator.applied()).text());
		assertThat(history.lines()).satisfiesExactly((line) -> assertThat(line).matches(
				"base -> 0001_create_people, create people  \\[installed \\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ by \\S+@\\S+ in \\d+ ms\\]"),
				(line) -> assertThat(line).isEqualTo("0001_create_people -> 0002_create_orders (head), create orders"));
	}

	@Test
	void historyWorksFromTheFilesAloneWhenTheDatabaseCannotBeRead() {
		Migrator unreachable = Migrator.create(MigratorConfig.builder()
			.dataSource(TestDataSources.sqliteFile(this.temp.resolve("no/such/folder/app.db")))
			.locations(this.migrator.config().locations())
			.build());

		assertThat(run(unreachable, JobCommand.HISTORY))
			.isEqualTo(new HistoryText(this.migrator.history(""), this.migrator.heads()).text());
	}

	@Test
	void headsAreTheReportLayersHeads() {
		assertThat(run(JobCommand.HEADS)).isEqualTo(text(new HeadsText(this.migrator.graph())))
			.startsWith("0002_create_orders (head), create orders  filesystem:");
	}

	@Test
	void currentAndCheckAreTheReportLayersText() {
		assertThat(run(JobCommand.CURRENT)).isEqualTo(text(new CurrentText(this.migrator.current())))
			.isEqualTo("base\n");
		this.migrator.upgrade("heads");
		assertThat(run(JobCommand.CURRENT)).isEqualTo(text(new CurrentText(this.migrator.current())));
		assertThat(run(JobCommand.CHECK)).endsWith(text(new UpToDateText(this.migrator.check())));
	}

	@Test
	void backfillStatusIsTheReportLayersTable() {
		assertThat(run(JobCommand.BACKFILL_STATUS))
			.isEqualTo(text(new BackfillTable(this.migrator.backfills().status())));
	}

	private String run(JobCommand command) {
		return run(this.migrator, command);
	}

	private String run(Migrator migrator, JobCommand command) {
		MigratorProperties.Job job = new MigratorProperties.Job();
		job.setCommand(command);
		job.setRange("");
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		MigratorJobRunner runner = new MigratorJobRunner(migrator, job,
				new PrintStream(bytes, true, StandardCharsets.UTF_8));
		runner.run(new DefaultApplicationArguments());
		assertThat(runner.getExitCode()).isZero();
		return bytes.toString(StandardCharsets.UTF_8);
	}

	private static String text(Report report) {
		return report.text();
	}

}

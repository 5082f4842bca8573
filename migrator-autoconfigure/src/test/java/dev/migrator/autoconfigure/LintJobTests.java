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
 * Tests for the {@code lint} command of the migration job and the linter's part in
 * {@code check}, on a SQLite file linted with PostgreSQL's rules through
 * {@code migrator.dialect}.
 */
@ExtendWith(OutputCaptureExtension.class)
class LintJobTests {

	private static final String INDEX_REVISION = "-- migrator:revision 0003_people_name\n"
			+ "-- migrator:revises 0002_create_orders\n-- migrator:message index people by name\n"
			+ "-- migrator:upgrade\nCREATE INDEX people_name ON people (name);\n";

	@TempDir
	Path temp;

	private SqliteFile database;

	private RevisionFiles revisions;

	@BeforeEach
	void writeRevisions() {
		this.database = new SqliteFile(this.temp.resolve("app.db"));
		this.revisions = RevisionFiles.twoTables(this.temp.resolve("revisions"));
	}

	private ApplicationContextRunner job(String... properties) {
		return new ApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(DataSourceAutoConfiguration.class, MigratorAutoConfiguration.class))
			.withPropertyValues(this.database.dataSourceProperty(), "spring.profiles.active=migrate",
					"migrator.locations=" + this.revisions.location(), "migrator.job.exit=false")
			.withPropertyValues(properties);
	}

	@Test
	void lintWithoutFindingsExitsZero(CapturedOutput output) {
		job("migrator.job.command=lint", "migrator.dialect=postgresql")
			.run((context) -> assertThat(JobRun.exitCode(context)).isZero());
		assertThat(output.getOut()).contains("Lint (postgresql): no findings in 2 revisions.");
	}

	@Test
	void hygieneRulesApplyOnlyWhenEnabledByProperty(CapturedOutput output) {
		job("migrator.job.command=lint", "migrator.dialect=postgresql", "migrator.lint.enable=prefer-bigint")
			.run((context) -> assertThat(JobRun.exitCode(context)).isEqualTo(MigratorJobRunner.LINT_FAILED));
		assertThat(output.getOut()).containsPattern("0001_create_people\\.sql:\\d+: prefer-bigint: ")
			.doesNotContain("prefer-text");
	}

	@Test
	void theConfiguredPostgresVersionDecidesWhatRewrites(CapturedOutput output) {
		this.revisions.file("0003_people_status.sql",
				"-- migrator:revision 0003_people_status\n-- migrator:revises 0002_create_orders\n"
						+ "-- migrator:upgrade\nALTER TABLE people ADD COLUMN status text DEFAULT 'active';\n");
		job("migrator.job.command=lint", "migrator.dialect=postgresql")
			.run((context) -> assertThat(JobRun.exitCode(context)).isZero());
		job("migrator.job.command=lint", "migrator.dialect=postgresql", "migrator.lint.postgres-version=10")
			.run((context) -> assertThat(JobRun.exitCode(context)).isEqualTo(MigratorJobRunner.LINT_FAILED));
		assertThat(output.getOut()).containsPattern("0003_people_status\\.sql:\\d+: add-column-volatile-default: ");
	}

	@Test
	void lintFindingsExitTwoAndArePrintedWithFileAndLine(CapturedOutput output) {
		this.revisions.file("0003_people_name.sql", INDEX_REVISION);
		job("migrator.job.command=lint", "migrator.dialect=postgresql").run((context) -> {
			assertThat(JobRun.exitCode(context)).isEqualTo(MigratorJobRunner.LINT_FAILED).isEqualTo(2);
		});
		assertThat(output.getOut()).contains("Revision 0003_people_name:")
			.containsPattern("0003_people_name\\.sql:5: index-not-concurrent: ")
			.contains("Lint (postgresql): 1 finding");
		assertThat(output).contains("Migration job: lint failed (exit code 2): lint found 1 unsafe statement(s)");
		assertThat(this.database.tables()).as("lint writes nothing").isEmpty();
	}

	@Test
	void theDialectDecidesTheRules(CapturedOutput output) {
		this.revisions.file("0003_people_name.sql", INDEX_REVISION);
		job("migrator.job.command=lint").run((context) -> assertThat(JobRun.exitCode(context)).isZero());
		assertThat(output.getOut()).as("SQLite has no CONCURRENTLY: the connection's dialect")
			.contains("Lint (sqlite): no findings in 3 revisions.");
	}

	@Test
	void lintAndSqlNeedNoDatabaseWithTheDialectSet(CapturedOutput output) throws Exception {
		this.revisions.file("0003_people_name.sql", INDEX_REVISION);
		Path notADatabase = Files.writeString(this.temp.resolve("garbage.db"), "this is not a SQLite file at all");
		String unusable = "spring.datasource.url=jdbc:sqlite:" + notADatabase;
		job("migrator.job.command=lint", "migrator.dialect=postgresql", unusable)
			.run((context) -> assertThat(JobRun.exitCode(context)).isEqualTo(2));
		job("migrator.job.command=sql", "migrator.dialect=postgresql", unusable)
			.run((context) -> assertThat(JobRun.exitCode(context)).isZero());
		assertThat(output.getOut()).contains("index-not-concurrent").contains("CREATE TABLE people");
		assertThat(output).doesNotContain("could not be read from the database");
	}

	@Test
	void withTheDialectSetThereNeedBeNoDataSourceAtAll(CapturedOutput output) {
		this.revisions.file("0003_people_name.sql", INDEX_REVISION);
		ApplicationContextRunner noDataSource = new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(MigratorAutoConfiguration.class))
			.withPropertyValues("spring.profiles.active=migrate", "migrator.locations=" + this.revisions.location(),
					"migrator.job.exit=false", "migrator.dialect=postgresql");
		noDataSource.withPropertyValues("migrator.job.command=lint")
			.run((context) -> assertThat(JobRun.exitCode(context)).isEqualTo(2));
		noDataSource.withPropertyValues("migrator.job.command=upgrade")
			.run((context) -> assertThat(JobRun.exitCode(context)).isEqualTo(MigratorJobRunner.FAILURE));
		assertThat(output.getOut()).contains("index-not-concurrent");
		assertThat(output).contains("no DataSource is configured");
	}

	@Test
	void theSarifReportGoesToTheConfiguredFile() throws Exception {
		this.revisions.file("0003_people_name.sql", INDEX_REVISION);
		Path report = this.temp.resolve("target/reports/migrator-lint.sarif");
		job("migrator.job.command=lint", "migrator.dialect=postgresql", "migrator.job.lint-report=" + report)
			.run((context) -> assertThat(JobRun.exitCode(context)).isEqualTo(2));
		assertThat(report).exists();
		assertThat(Files.readString(report)).contains("\"version\":\"2.1.0\"")
			.contains("\"ruleId\":\"index-not-concurrent\"")
			.contains("0003_people_name.sql");
	}

	@Test
	void checkFailsWithExitTwoOnLintFindingsOnAnUpToDateDatabase(CapturedOutput output) {
		this.revisions.file("0003_people_name.sql", INDEX_REVISION);
		job().run((context) -> assertThat(JobRun.exitCode(context)).isZero());
		job("migrator.job.command=check", "migrator.dialect=postgresql")
			.run((context) -> assertThat(JobRun.exitCode(context)).isEqualTo(MigratorJobRunner.CHECK_FAILED));
		assertThat(output.getOut()).contains("Up to date at 0003_people_name").contains("index-not-concurrent");
		assertThat(output).contains("Migration job: check failed (exit code 2): lint found 1 unsafe statement(s)");
	}

	@Test
	void checkLintCanBeSwitchedOff(CapturedOutput output) {
		this.revisions.file("0003_people_name.sql", INDEX_REVISION);
		job().run((context) -> assertThat(JobRun.exitCode(context)).isZero());
		job("migrator.job.command=check", "migrator.dialect=postgresql", "migrator.job.check-lint=false")
			.run((context) -> assertThat(JobRun.exitCode(context)).isZero());
		assertThat(output.getOut()).contains("Up to date at 0003_people_name").doesNotContain("index-not-concurrent");
	}

	@Test
	void checkPrintsTheLintFindingsEvenWhenRevisionsArePending(CapturedOutput output) {
		this.revisions.file("0003_people_name.sql", INDEX_REVISION);
		job("migrator.job.command=check", "migrator.dialect=postgresql")
			.run((context) -> assertThat(JobRun.exitCode(context)).isEqualTo(2));
		assertThat(output.getOut()).contains("index-not-concurrent");
		assertThat(output).contains("3 revision(s) pending");
	}

	@Test
	void anUnknownDialectFailsStartup() {
		job("migrator.dialect=oracle").run((context) -> assertThat(context).hasFailed()
			.getFailure()
			.hasStackTraceContaining("migrator.dialect: Unknown dialect 'oracle'. Supported: postgresql, sqlite."));
	}

}

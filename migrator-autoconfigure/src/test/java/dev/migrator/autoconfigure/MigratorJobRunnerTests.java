package dev.migrator.autoconfigure;

import dev.migrator.core.Migrator;
import dev.migrator.core.compat.ClientInstance;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the migration job, run in-context against a SQLite file.
 */
@ExtendWith(OutputCaptureExtension.class)
class MigratorJobRunnerTests {

	@TempDir
	Path temp;

	private SqliteFile database() {
		return new SqliteFile(this.temp.resolve("app.db"));
	}

	private RevisionFiles revisions;

	@BeforeEach
	void writeRevisions() {
		this.revisions = RevisionFiles.twoTables(this.temp.resolve("revisions"));
	}

	private RevisionFiles revisions() {
		return this.revisions;
	}

	private ApplicationContextRunner job(String... properties) {
		return new ApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(DataSourceAutoConfiguration.class, MigratorAutoConfiguration.class))
			.withPropertyValues(database().dataSourceProperty(), "spring.profiles.active=migrate",
					"migrator.locations=" + revisions().location())
			.withPropertyValues(properties);
	}

	/**
	 * Runs the job as SpringApplication would, and returns the exit code
	 * SpringApplication.exit gives.
	 */
	@Test
	void noJobWithoutTheProfile() {
		new ApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(DataSourceAutoConfiguration.class, MigratorAutoConfiguration.class))
			.withPropertyValues(database().dataSourceProperty())
			.run((context) -> assertThat(context).doesNotHaveBean(MigratorJobRunner.class)
				.doesNotHaveBean(MigrationJobExit.class));
	}

	@Test
	void jobProfileNameIsConfigurable() {
		job("spring.profiles.active=db-job", "migrator.job.profile=db-job")
			.run((context) -> assertThat(context).hasSingleBean(MigratorJobRunner.class));
		job("spring.profiles.active=migrate", "migrator.job.profile=db-job")
			.run((context) -> assertThat(context).doesNotHaveBean(MigratorJobRunner.class));
	}

	@Test
	void jobEndsTheProcessUnlessToldNotTo() {
		job().run((context) -> assertThat(context).hasSingleBean(MigrationJobExit.class));
		job("migrator.job.exit=false").run((context) -> assertThat(context).hasSingleBean(MigratorJobRunner.class)
			.doesNotHaveBean(MigrationJobExit.class));
	}

	@Test
	void upgradeAppliesEveryRevisionAndExitsZero(CapturedOutput output) {
		job("migrator.job.exit=false").run((context) -> {
			assertThat(database().tables()).as("nothing runs before the job").isEmpty();
			assertThat(JobRun.exitCode(context)).isZero();
			assertThat(database().tables()).contains("people", "orders");
			assertThat(database().versionRows()).containsExactly("0002_create_orders");
		});
		assertThat(output.getOut()).contains("Upgraded 2 revision(s) in ").contains("base -> 0002_create_orders");
		assertThat(output).contains("Upgraded 0001_create_people (create people) in ")
			.contains("Upgraded 0002_create_orders (create orders) in ");
	}

	@Test
	void upgradeToARevisionStopsThere() {
		job("migrator.job.exit=false", "migrator.job.target=0001_create_people").run((context) -> {
			assertThat(JobRun.exitCode(context)).isZero();
			assertThat(database().versionRows()).containsExactly("0001_create_people");
			assertThat(database().tables()).contains("people").doesNotContain("orders");
		});
	}

	@Test
	void failingRevisionExitsOne(CapturedOutput output) {
		revisions().failing("0003_fails", "0002_create_orders");
		job("migrator.job.exit=false").run((context) -> {
			assertThat(JobRun.exitCode(context)).isEqualTo(MigratorJobRunner.FAILURE).isEqualTo(1);
			assertThat(database().versionRows()).containsExactly("0002_create_orders");
		});
		assertThat(output).contains("Upgrade of revision 0003_fails")
			.contains("Migration job: upgrade failed at revision 0003_fails (exit code 1)");
	}

	@Test
	void unreachableDatabaseExitsOne() throws Exception {
		Path notADatabase = Files.writeString(this.temp.resolve("garbage.db"), "this is not a SQLite file at all");
		job("migrator.job.exit=false", "spring.datasource.url=jdbc:sqlite:" + notADatabase)
			.run((context) -> assertThat(JobRun.exitCode(context)).isEqualTo(1));
	}

	@Test
	void checkWithPendingRevisionsExitsTwo(CapturedOutput output) {
		job("migrator.job.exit=false", "migrator.job.command=check").run((context) -> {
			assertThat(JobRun.exitCode(context)).isEqualTo(MigratorJobRunner.CHECK_FAILED).isEqualTo(2);
			assertThat(database().tables()).doesNotContain("people");
		});
		assertThat(output).contains("2 revision(s) pending: 0001_create_people, 0002_create_orders");
	}

	@Test
	void checkWhenUpToDateExitsZero(CapturedOutput output) {
		job("migrator.job.exit=false").run(JobRun::exitCode);
		job("migrator.job.exit=false", "migrator.job.command=check")
			.run((context) -> assertThat(JobRun.exitCode(context)).isZero());
		assertThat(output.getOut()).contains("Up to date at 0002_create_orders");
	}

	@Test
	void currentPrintsTheDatabaseRevisions(CapturedOutput output) {
		job("migrator.job.exit=false", "migrator.job.command=current")
			.run((context) -> assertThat(JobRun.exitCode(context)).isZero());
		assertThat(output.getOut()).containsPattern("(?m)^base$");
		job("migrator.job.exit=false").run(JobRun::exitCode);
		job("migrator.job.exit=false", "migrator.job.command=current")
			.run((context) -> assertThat(JobRun.exitCode(context)).isZero());
		assertThat(output.getOut()).containsPattern("(?m)^0002_create_orders$");
	}

	@Test
	void headsAndHistoryPrintTheGraphWithoutWriting(CapturedOutput output) {
		job("migrator.job.exit=false", "migrator.job.command=heads")
			.run((context) -> assertThat(JobRun.exitCode(context)).isZero());
		job("migrator.job.exit=false", "migrator.job.command=history")
			.run((context) -> assertThat(JobRun.exitCode(context)).isZero());
		assertThat(output.getOut()).contains("0002_create_orders (head), create orders")
			.contains("base -> 0001_create_people, create people")
			.contains("0001_create_people -> 0002_create_orders (head), create orders");
		assertThat(database().tables()).isEmpty();
	}

	@Test
	void historyListsTheRange(CapturedOutput output) {
		job("migrator.job.exit=false", "migrator.job.command=history", "migrator.job.range=0002_create_orders:")
			.run((context) -> assertThat(JobRun.exitCode(context)).isZero());
		assertThat(output.getOut()).contains("-> 0002_create_orders").doesNotContain("-> 0001_create_people");
	}

	@Test
	void sqlPrintsTheScriptWithoutWriting(CapturedOutput output) {
		job("migrator.job.exit=false", "migrator.job.command=sql")
			.run((context) -> assertThat(JobRun.exitCode(context)).isZero());
		assertThat(output.getOut()).contains("CREATE TABLE people").contains("CREATE TABLE orders");
		assertThat(database().tables()).isEmpty();
	}

	@Test
	void stampRecordsTheTargetWithoutRunningIt() {
		job("migrator.job.exit=false", "migrator.job.command=stamp", "migrator.job.target=0001_create_people")
			.run((context) -> assertThat(JobRun.exitCode(context)).isZero());
		assertThat(database().versionRows()).containsExactly("0001_create_people");
		assertThat(database().tables()).doesNotContain("people");
	}

	@Test
	void theExpandPhaseHoldsBackContractRevisions(CapturedOutput output) {
		revisions().file("0003_drop_name.sql", CONTRACT_REVISION);
		job("migrator.job.exit=false", "migrator.job.phase=expand").run((context) -> {
			assertThat(JobRun.exitCode(context)).isZero();
			assertThat(database().versionRows()).containsExactly("0002_create_orders");
		});
		assertThat(output.getOut()).contains("Upgraded 2 revision(s) in ")
			.contains("Held back for the contract phase: 0003_drop_name");
		assertThat(output).contains("Migration job: running upgrade to heads (phase expand)")
			.contains("holding back 1 revision(s) for the contract phase: 0003_drop_name (contract)");
	}

	@Test
	void aContractRevisionWaitsForOlderInstancesUnlessAllowed(CapturedOutput output) {
		revisions().file("0003_drop_name.sql", CONTRACT_REVISION);
		job("migrator.job.exit=false", "migrator.job.target=0002_create_orders").run(JobRun::exitCode);
		job("migrator.job.exit=false").run((context) -> {
			context.getBean(Migrator.class)
				.clientRegistry()
				.register(new ClientInstance("web-7f3a", "shop", "1.4.0", Set.of("0002_create_orders")));
			assertThat(JobRun.exitCode(context)).isEqualTo(MigratorJobRunner.FAILURE);
			assertThat(database().versionRows()).containsExactly("0002_create_orders");
		});
		assertThat(output).contains("Contract revision 0003_drop_name")
			.contains("web-7f3a (shop 1.4.0): last heartbeat");
		job("migrator.job.exit=false", "migrator.job.allow-contract-with-live-clients=true").run((context) -> {
			assertThat(JobRun.exitCode(context)).isZero();
			assertThat(database().versionRows()).containsExactly("0003_drop_name");
		});
		assertThat(output).contains("as allowed by allow-contract-with-live-clients");
	}

	@Test
	void thePhaseIsForUpgradeOnly() {
		job("migrator.job.exit=false", "migrator.job.phase=expand", "migrator.job.command=downgrade",
				"migrator.job.target=base")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.hasStackTraceContaining("migrator.job.phase is expand, which only the upgrade command uses"));
	}

	private static final String CONTRACT_REVISION = "-- migrator:revision 0003_drop_name\n"
			+ "-- migrator:revises 0002_create_orders\n-- migrator:phase contract\n-- migrator:upgrade\n"
			+ "ALTER TABLE people DROP COLUMN name;\n";

	@Test
	void downgradeUndoesRevisions() {
		job("migrator.job.exit=false").run(JobRun::exitCode);
		job("migrator.job.exit=false", "migrator.job.command=downgrade", "migrator.job.target=base")
			.run((context) -> assertThat(JobRun.exitCode(context)).isZero());
		assertThat(database().tables()).doesNotContain("people", "orders");
		assertThat(database().versionRows()).isEmpty();
	}

}

package dev.migrator.autoconfigure;

import dev.migrator.autoconfigure.actuate.MigratorEndpoint;
import dev.migrator.autoconfigure.actuate.MigratorEndpoint.DriftDescriptor;
import dev.migrator.autoconfigure.actuate.MigratorEndpointAutoConfiguration;
import dev.migrator.autoconfigure.metrics.MigratorMetricsAutoConfiguration;
import dev.migrator.testsupport.TestPostgres;

import java.nio.file.Path;
import java.sql.SQLException;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The job's {@code drift} command on PostgreSQL, its gauge, and the endpoint's drift
 * section filled by the periodic check.
 */
@ExtendWith(OutputCaptureExtension.class)
class DriftJobTests {

	private static final String NOTE = "table people: column note text is in the database, not in the revisions";

	private static final String SCRATCH = "SELECT count(*) FROM pg_namespace WHERE nspname LIKE 'migrator\\_drift\\_%'";

	@TempDir
	Path temp;

	private TestDatabase database;

	private RevisionFiles revisions;

	@BeforeEach
	void createDatabase() {
		this.database = TestDatabase.create();
		this.revisions = RevisionFiles.twoTables(this.temp.resolve("revisions"));
	}

	@Test
	void driftExitsZeroAfterAnUpgradeAndTwoListingAColumnAddedByHand(CapturedOutput output) throws SQLException {
		job().run((context) -> assertThat(JobRun.exitCode(context)).isZero());
		job("migrator.job.command=drift").run((context) -> assertThat(JobRun.exitCode(context)).isZero());
		assertThat(output.getOut()).contains("No drift at 0002_create_orders");

		this.database.execute("ALTER TABLE people ADD COLUMN note text");
		job("migrator.job.command=drift")
			.run((context) -> assertThat(JobRun.exitCode(context)).isEqualTo(MigratorJobRunner.DRIFT_FOUND));
		assertThat(output.getOut())
			.contains("Drift at 0002_create_orders: 1 difference(s) between the database and its revisions\n  " + NOTE);
		assertThat(output).contains("drift found 1 difference(s) between the database and its revisions (exit code 2)");
		assertThat(this.database.count(SCRATCH)).isZero();
	}

	@Test
	void aReplayThatWouldChangeALiveTableFailsTheJobWithExitOneAndLeavesItAsItWas(CapturedOutput output)
			throws SQLException {
		this.database.execute("CREATE TABLE handmade (id integer PRIMARY KEY)");
		this.revisions.file("0003_cleanup.sql", """
				-- migrator:revision 0003_cleanup
				-- migrator:revises 0002_create_orders
				-- migrator:upgrade
				DELETE FROM public.handmade;
				""");
		job().run((context) -> assertThat(JobRun.exitCode(context)).isZero());
		this.database.execute("INSERT INTO handmade VALUES (1), (2)");

		job("migrator.job.command=drift")
			.run((context) -> assertThat(JobRun.exitCode(context)).isEqualTo(MigratorJobRunner.FAILURE));

		assertThat(output).contains("drift could not build its copy: revision 0003_cleanup changes public.handmade");
		assertThat(this.database.count("SELECT count(*) FROM handmade")).isEqualTo(2);
		assertThat(this.database.count(SCRATCH)).isZero();
	}

	@Test
	void theJobsDriftSetsTheGauge() throws SQLException {
		job().run((context) -> assertThat(JobRun.exitCode(context)).isZero());
		this.database.execute("ALTER TABLE people ADD COLUMN note text");
		job("migrator.job.command=drift").withConfiguration(metrics()).run((context) -> {
			// Taken first: the job's exit closes the context.
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			assertThat(registry.get("migrator.schema.drift").gauge().value()).isNaN();
			assertThat(JobRun.exitCode(context)).isEqualTo(2);
			assertThat(registry.get("migrator.schema.drift").gauge().value()).isEqualTo(1);
		});
	}

	@Test
	void thePeriodicCheckFillsTheEndpointsDriftSectionAndTheGauge() throws SQLException {
		job().run((context) -> assertThat(JobRun.exitCode(context)).isZero());
		this.database.execute("ALTER TABLE people ADD COLUMN note text");
		// An interval no test waits for: the check is run by hand, as the schedule would.
		application("migrator.drift.interval=1h").run((context) -> {
			MigratorEndpoint endpoint = context.getBean(MigratorEndpoint.class);
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			assertThat(endpoint.migrator().drift()).isNull();
			assertThat(registry.get("migrator.schema.drift").gauge().value()).isNaN();

			context.getBean(DriftSchedule.class).check();

			DriftDescriptor drift = endpoint.migrator().drift();
			assertThat(drift.drifted()).isTrue();
			assertThat(drift.revisions()).containsExactly("0002_create_orders");
			assertThat(drift.differences()).containsExactly(NOTE);
			assertThat(drift.error()).isNull();
			assertThat(drift.checkedAt()).isNotNull();
			assertThat(registry.get("migrator.schema.drift").gauge().value()).isEqualTo(1);
		});
		assertThat(this.database.count(SCRATCH)).isZero();
	}

	@Test
	void aCheckThatFailsShowsItsErrorAndLeavesTheGaugeNaN() throws Exception {
		job().run((context) -> assertThat(JobRun.exitCode(context)).isZero());
		java.nio.file.Files.delete(this.temp.resolve("revisions/0002_create_orders.sql"));
		application("migrator.drift.interval=1h").run((context) -> {
			context.getBean(DriftSchedule.class).check();

			DriftDescriptor drift = context.getBean(MigratorEndpoint.class).migrator().drift();
			assertThat(drift.error()).contains("0002_create_orders", "this code does not know");
			assertThat(drift.drifted()).isNull();
			assertThat(drift.differences()).isEmpty();
			assertThat(context.getBean(MeterRegistry.class).get("migrator.schema.drift").gauge().value()).isNaN();
		});
	}

	@Test
	void withoutAnIntervalNoPeriodicCheckExists() {
		application().run((context) -> {
			assertThat(context).doesNotHaveBean(DriftSchedule.class).hasSingleBean(LatestDrift.class);
			assertThat(context.getBean(MigratorEndpoint.class).migrator().drift()).isNull();
		});
	}

	private ApplicationContextRunner job(String... properties) {
		return base().withPropertyValues("spring.profiles.active=migrate", "migrator.job.exit=false")
			.withPropertyValues(properties);
	}

	private ApplicationContextRunner application(String... properties) {
		return base().withConfiguration(AutoConfigurations.of(MigratorEndpointAutoConfiguration.class))
			.withConfiguration(metrics())
			.withPropertyValues("management.endpoints.web.exposure.include=migrator")
			.withPropertyValues(properties);
	}

	private ApplicationContextRunner base() {
		TestPostgres server = TestPostgres.shared();
		return new ApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(DataSourceAutoConfiguration.class, MigratorAutoConfiguration.class))
			.withPropertyValues("spring.datasource.url=" + this.database.url(),
					"spring.datasource.username=" + server.user(), "spring.datasource.password=" + server.password(),
					"migrator.locations=" + this.revisions.location());
	}

	private static AutoConfigurations metrics() {
		return AutoConfigurations.of(MigratorMetricsAutoConfiguration.class, MetricsAutoConfiguration.class,
				CompositeMeterRegistryAutoConfiguration.class, SimpleMetricsExportAutoConfiguration.class);
	}

}

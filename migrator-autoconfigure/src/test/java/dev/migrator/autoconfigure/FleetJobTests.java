package dev.migrator.autoconfigure;

import dev.migrator.testsupport.TestPostgres;

import java.nio.file.Path;
import java.sql.SQLException;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import dev.migrator.autoconfigure.actuate.MigratorEndpoint;
import dev.migrator.autoconfigure.metrics.MigratorMetricsAutoConfiguration;
import dev.migrator.core.Migrator;
import dev.migrator.core.config.MigratorConfig;
import dev.migrator.testsupport.TestDataSources;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The migration job on a fleet of tenant schemas (real PostgreSQL): with
 * {@code migrator.fleet.schemas} set, upgrade, check, current and fleet-status run on
 * every target and print one line per target; a failed target exits 1 naming it.
 */
@ExtendWith(OutputCaptureExtension.class)
class FleetJobTests {

	private static final String TENANTS = "SELECT nspname FROM pg_namespace WHERE nspname LIKE 'tenant\\_%' ORDER BY 1";

	@TempDir
	Path temp;

	private TestDatabase database;

	private RevisionFiles revisions;

	@BeforeEach
	void createTenants() throws SQLException {
		this.database = TestDatabase.create();
		for (String tenant : new String[] { "tenant_a", "tenant_b", "tenant_c" }) {
			this.database.execute("CREATE SCHEMA " + tenant);
		}
		this.revisions = RevisionFiles.twoTables(this.temp.resolve("revisions"));
	}

	private ApplicationContextRunner job(String... properties) {
		TestPostgres server = TestPostgres.shared();
		return new ApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(DataSourceAutoConfiguration.class, MigratorAutoConfiguration.class))
			.withPropertyValues("spring.datasource.url=" + this.database.url(),
					"spring.datasource.username=" + server.user(), "spring.datasource.password=" + server.password(),
					"spring.profiles.active=migrate", "migrator.job.exit=false",
					"migrator.locations=" + this.revisions.location(), "migrator.fleet.schemas=" + TENANTS,
					"migrator.fleet.parallelism=2", "migrator.fleet.waves=1,100%")
			.withPropertyValues(properties);
	}

	@Test
	void upgradeRunsOnEveryTenantAndCheckCurrentAndFleetStatusReportEach(CapturedOutput output) throws SQLException {
		job("migrator.job.command=check").run((context) -> assertThat(JobRun.exitCode(context)).isEqualTo(2));
		assertThat(output).contains("tenant_a  2 pending", "Fleet: 3 target(s): 0 up to date, 3 behind");

		job().run((context) -> assertThat(JobRun.exitCode(context)).isZero());
		assertThat(output).contains("Fleet: 3 target(s): 3 succeeded, 0 failed, 0 not started, 0 running")
			.containsPattern("tenant_b  succeeded  upgrade 2 revision\\(s\\): base -> 0002_create_orders");
		for (String tenant : new String[] { "tenant_a", "tenant_b", "tenant_c" }) {
			assertThat(this.database.count("SELECT count(*) FROM " + tenant + ".orders")).isZero();
		}
		assertThat(this.database.count("SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'"))
			.isOne();

		job("migrator.job.command=check").run((context) -> assertThat(JobRun.exitCode(context)).isZero());
		job("migrator.job.command=current").run((context) -> assertThat(JobRun.exitCode(context)).isZero());
		assertThat(output).contains("tenant_c  0002_create_orders");
		job("migrator.job.command=fleet-status").run((context) -> assertThat(JobRun.exitCode(context)).isZero());
		assertThat(output).contains("tenant_a  up to date", "Fleet: 3 target(s): 3 up to date, 0 behind");
	}

	@Test
	void theFleetMetersCountTargetsByStateAndTimeEach() {
		job()
			.withConfiguration(
					AutoConfigurations.of(MigratorMetricsAutoConfiguration.class, MetricsAutoConfiguration.class,
							CompositeMeterRegistryAutoConfiguration.class, SimpleMetricsExportAutoConfiguration.class))
			.run((context) -> {
				// Taken first: the job's exit closes the context.
				MeterRegistry registry = context.getBean(MeterRegistry.class);
				assertThat(JobRun.exitCode(context)).isZero();
				assertThat(registry.get("migrator.fleet.targets").tag("state", "succeeded").gauge().value())
					.isEqualTo(3);
				assertThat(registry.get("migrator.fleet.targets").tag("state", "pending").gauge().value()).isZero();
				assertThat(registry.get("migrator.fleet.duration").tag("outcome", "success").timer().count())
					.isEqualTo(3);
			});
	}

	@Test
	void aTargetThatFailsExitsOneNamingItAndWhy(CapturedOutput output) {
		// One worker: with two, tenant_b could be claimed before tenant_gone had failed,
		// and whether the budget stops it would be a race.
		job("migrator.fleet.schemas=SELECT 'tenant_a' UNION ALL SELECT 'tenant_gone' UNION ALL SELECT 'tenant_b'",
				"migrator.fleet.waves=", "migrator.fleet.parallelism=1")
			.run((context) -> assertThat(JobRun.exitCode(context)).isOne());
		assertThat(output).contains("tenant_gone: The schema 'tenant_gone' does not exist")
			.contains("more than the error budget (migrator.fleet.max-failures) of 0");

		TestPostgres server = TestPostgres.shared();
		Migrator migrator = Migrator.create(MigratorConfig.builder()
			.dataSource(TestDataSources.postgres(this.database.url(), server.user(), server.password()))
			.locations(this.revisions.location())
			.fleetSchemas(TENANTS)
			.build());
		MigratorEndpoint.MigratorDescriptor endpoint = new MigratorEndpoint(migrator).migrator();
		assertThat(endpoint.fleetError()).isNull();
		assertThat(endpoint.fleet().targets()).isEqualTo(3);
		assertThat(endpoint.fleet().states()).containsEntry("succeeded", 1)
			.containsEntry("failed", 1)
			.containsEntry("pending", 1);
		assertThat(endpoint.fleet().failures()).singleElement()
			.satisfies((failure) -> assertThat(failure.target()).isEqualTo("tenant_gone"));
	}

	@Test
	void aCommandThatDoesNotRunPerTargetIsRefusedOnAFleet() {
		job("migrator.job.command=repair").run((context) -> assertThat(context).hasFailed()
			.getFailure()
			.hasRootCauseMessage("migrator.job.command is repair, which does not run per target of a fleet, and "
					+ "migrator.fleet.schemas, migrator.fleet.databases or a FleetTargets bean configures one. On a "
					+ "fleet, run upgrade, downgrade, stamp, current, check, backfill, backfill-status, fleet-status, "
					+ "heads, history, sql or lint; run repair without the fleet settings on one target."));
	}

	@Test
	void backfillAndBackfillStatusRunOnEveryTenant(CapturedOutput output) throws SQLException {
		this.revisions.file("0003_name_backfill.sql", "-- migrator:revision 0003_name_backfill\n"
				+ "-- migrator:revises 0002_create_orders\n-- migrator:phase migrate\n"
				+ "-- migrator:backfill people_name\n-- migrator:backfill-table people\n-- migrator:backfill-key id\n"
				+ "-- migrator:backfill-set name = 'unknown'\n-- migrator:backfill-where name IS NULL\n"
				+ "-- migrator:upgrade\nINSERT INTO people (id) SELECT g FROM generate_series(1, 30) g;\n"
				+ "-- migrator:downgrade\nDELETE FROM people;\n");
		job("migrator.backfill.run-on-upgrade=false").run((context) -> assertThat(JobRun.exitCode(context)).isZero());

		job("migrator.job.command=backfill").run((context) -> assertThat(JobRun.exitCode(context)).isZero());
		assertThat(output).contains("Fleet: 3 target(s): 3 succeeded, 0 failed, 0 not started, 0 running")
			.contains("tenant_b  succeeded  backfill: people_name done (30 rows)");
		for (String tenant : new String[] { "tenant_a", "tenant_b", "tenant_c" }) {
			assertThat(this.database.count("SELECT count(*) FROM " + tenant + ".people WHERE name IS NULL")).isZero();
		}
		job("migrator.job.command=backfill-status").run((context) -> assertThat(JobRun.exitCode(context)).isZero());
		assertThat(output).contains("tenant_c  people_name done (30 rows)");
	}

}

package dev.migrator.autoconfigure.actuate;

import dev.migrator.autoconfigure.BackfillRevisions;
import dev.migrator.autoconfigure.MigratorAutoConfiguration;
import dev.migrator.autoconfigure.RevisionFiles;
import dev.migrator.autoconfigure.SqliteFile;
import dev.migrator.core.Migrator;
import dev.migrator.core.script.PhaseFilter;
import dev.migrator.testsupport.TestPostgres;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.availability.ApplicationAvailabilityAutoConfiguration;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.LivenessState;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.health.actuate.endpoint.CompositeHealthDescriptor;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.health.actuate.endpoint.IndicatedHealthDescriptor;
import org.springframework.boot.health.autoconfigure.actuate.endpoint.AvailabilityProbesAutoConfiguration;
import org.springframework.boot.health.autoconfigure.actuate.endpoint.HealthEndpointAutoConfiguration;
import org.springframework.boot.health.autoconfigure.application.AvailabilityHealthContributorAutoConfiguration;
import org.springframework.boot.health.autoconfigure.contributor.HealthContributorAutoConfiguration;
import org.springframework.boot.health.autoconfigure.registry.HealthContributorRegistryAutoConfiguration;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The readiness gate during a rolling deploy, on SQLite and PostgreSQL: the new version
 * turns ready once the expand job ran, while its contract revisions (and what needs them)
 * are still pending; they show in the details and never make it DOWN. Nor does a backfill
 * the contract waits for.
 */
class ReadinessDuringRolloutTests {

	private static final List<String> EXPAND = List.of("0001_people", "0002_add_email");

	private static final List<String> CONTRACT = List.of("0003_drop_name", "0004_after_contract");

	@TempDir
	Path temp;

	@Test
	void readyOnSqliteOnceTheExpandJobRanWithTheContractStillPending() {
		readyOnceTheExpandJobRan(new SqliteFile(this.temp.resolve("app.db")).dataSourceProperty());
	}

	@Test
	void readyOnPostgresOnceTheExpandJobRanWithTheContractStillPending() {
		TestPostgres postgres = TestPostgres.shared();
		readyOnceTheExpandJobRan("spring.datasource.url=" + postgres.createDatabase(),
				"spring.datasource.username=" + postgres.user(), "spring.datasource.password=" + postgres.password());
	}

	private void readyOnceTheExpandJobRan(String... dataSource) {
		runner().withPropertyValues(dataSource).run((context) -> {
			started(context);
			Migrator migrator = context.getBean(Migrator.class);
			HealthEndpoint health = context.getBean(HealthEndpoint.class);

			IndicatedHealthDescriptor before = migrator(health);
			assertThat(readiness(health)).as("the expand revisions are what the code needs").isEqualTo(Status.DOWN);
			assertThat(before.getDetails()).containsEntry("pending", EXPAND).containsEntry("pendingContract", CONTRACT);

			migrator.upgrade("heads", PhaseFilter.EXPAND);
			IndicatedHealthDescriptor expanded = migrator(health);
			assertThat(readiness(health)).as("an expand-phase job would have nothing left to do").isEqualTo(Status.UP);
			assertThat(expanded.getStatus()).isEqualTo(Status.UP);
			assertThat(expanded.getDetails()).doesNotContainKey("pending")
				.containsEntry("pendingContract", CONTRACT)
				.containsEntry("current", List.of("0002_add_email"));

			migrator.upgrade("heads");
			IndicatedHealthDescriptor contracted = migrator(health);
			assertThat(readiness(health)).isEqualTo(Status.UP);
			assertThat(contracted.getDetails()).doesNotContainKeys("pending", "pendingContract")
				.containsEntry("current", List.of("0004_after_contract"));
		});
	}

	@Test
	void anUnfinishedBackfillShowsInTheDetailsWithoutHoldingTheInstanceOut() {
		RevisionFiles backfillRevisions = BackfillRevisions.in(this.temp.resolve("backfill-revisions"));
		runner()
			.withPropertyValues(new SqliteFile(this.temp.resolve("backfill.db")).dataSourceProperty(),
					"migrator.locations=" + backfillRevisions.location(), "migrator.backfill.run-on-upgrade=false")
			.run((context) -> {
				started(context);
				Migrator migrator = context.getBean(Migrator.class);
				HealthEndpoint health = context.getBean(HealthEndpoint.class);
				migrator.upgrade("heads");

				IndicatedHealthDescriptor waiting = migrator(health);
				assertThat(readiness(health)).as("the new code runs on the expanded schema").isEqualTo(Status.UP);
				assertThat(waiting.getDetails()).containsEntry("unfinishedBackfills",
						List.of(Map.of("name", BackfillRevisions.BACKFILL, "revision", "0002_items_status", "state",
								"pending", "rowsDone", 0L)));

				migrator.backfills().run(BackfillRevisions.BACKFILL);
				assertThat(migrator(health).getDetails()).doesNotContainKey("unfinishedBackfills");
			});
	}

	private ApplicationContextRunner runner() {
		RevisionFiles revisions = RevisionFiles.in(this.temp.resolve("revisions"))
			.table("0001_people", null, "people")
			.file("0002_add_email.sql",
					revision("0002_add_email", "0001_people", "", "ALTER TABLE people ADD COLUMN email varchar(100);"))
			.file("0003_drop_name.sql",
					revision("0003_drop_name", "0002_add_email", "-- migrator:phase contract\n",
							"ALTER TABLE people DROP COLUMN name;"))
			.file("0004_after_contract.sql",
					revision("0004_after_contract", "0003_drop_name", "", "CREATE TABLE after_contract (id integer);"));
		return new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, MigratorAutoConfiguration.class,
					MigratorHealthAutoConfiguration.class, HealthContributorAutoConfiguration.class,
					HealthContributorRegistryAutoConfiguration.class, HealthEndpointAutoConfiguration.class,
					ApplicationAvailabilityAutoConfiguration.class,
					AvailabilityHealthContributorAutoConfiguration.class, AvailabilityProbesAutoConfiguration.class))
			.withPropertyValues("migrator.locations=" + revisions.location(),
					"management.endpoint.health.show-details=always");
	}

	private static String revision(String id, String parent, String headers, String upgrade) {
		return "-- migrator:revision " + id + "\n-- migrator:revises " + parent + "\n" + headers
				+ "-- migrator:upgrade\n" + upgrade + "\n";
	}

	/** What SpringApplication announces once started; a context runner does not. */
	private static void started(ApplicationContext context) {
		AvailabilityChangeEvent.publish(context, LivenessState.CORRECT);
		AvailabilityChangeEvent.publish(context, ReadinessState.ACCEPTING_TRAFFIC);
	}

	private static Status readiness(HealthEndpoint health) {
		return health.healthForPath("readiness").getStatus();
	}

	private static IndicatedHealthDescriptor migrator(HealthEndpoint health) {
		Map<String, ?> components = ((CompositeHealthDescriptor) health.healthForPath("readiness")).getComponents();
		return (IndicatedHealthDescriptor) components.get("migrator");
	}

}

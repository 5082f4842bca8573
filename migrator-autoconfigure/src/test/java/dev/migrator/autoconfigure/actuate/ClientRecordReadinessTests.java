package dev.migrator.autoconfigure.actuate;

import dev.migrator.autoconfigure.MigratorAutoConfiguration;
import dev.migrator.autoconfigure.MigratorClientRegistration;
import dev.migrator.autoconfigure.RevisionFiles;
import dev.migrator.core.Migrator;
import dev.migrator.core.compat.RegisteredClient;
import dev.migrator.core.config.MigratorConfig;
import dev.migrator.testsupport.TestPostgres;
import dev.migrator.testsupport.TestRole;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;

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
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The guard fails closed, on PostgreSQL with the grants a deployment gives the web
 * application's role: with SELECT on the state tables and DML on the clients table (no
 * right to create anything) an instance records itself and turns ready; one that cannot
 * write the clients table is not ready, says why, and turns ready once it can.
 */
class ClientRecordReadinessTests {

	@TempDir
	Path temp;

	private String url;

	private TestRole web;

	private RevisionFiles revisions;

	@BeforeEach
	void theJobRan() {
		TestPostgres server = TestPostgres.shared();
		this.url = server.createDatabase();
		this.revisions = RevisionFiles.twoTables(this.temp.resolve("revisions"));
		PGSimpleDataSource owner = new PGSimpleDataSource();
		owner.setUrl(this.url);
		owner.setUser(server.user());
		owner.setPassword(server.password());
		Migrator.create(MigratorConfig.builder().dataSource(owner).locations(this.revisions.location()).build())
			.upgrade("heads");
		this.web = TestRole.create(server, this.url, "web");
		this.web.asSuperuser("GRANT SELECT ON migrator_version, migrator_history TO " + this.web.name());
	}

	@AfterEach
	void dropRole() {
		this.web.close();
	}

	@Test
	void aRoleWithOnlyDmlOnTheClientsTableRecordsItselfAndIsReady() {
		this.web.asSuperuser("GRANT SELECT, INSERT, UPDATE, DELETE ON migrator_clients TO " + this.web.name());
		runner().run((context) -> {
			started(context);
			assertThat(context.getBean(MigratorClientRegistration.class).recorded()).isTrue();
			HealthEndpoint health = context.getBean(HealthEndpoint.class);
			assertThat(health.healthForPath("readiness").getStatus()).isEqualTo(Status.UP);
			assertThat(migrator(health).getDetails()).doesNotContainKey("clientRegistration");
			assertThat(context.getBean(Migrator.class).clientRegistry().liveClients())
				.extracting(RegisteredClient::application)
				.containsExactly("shop");
		});
	}

	@Test
	void aRoleThatCannotWriteTheClientsTableIsNotReadyUntilItCan() throws Exception {
		this.web.asSuperuser("GRANT SELECT ON migrator_clients TO " + this.web.name());
		runner().run((context) -> {
			started(context);
			HealthEndpoint health = context.getBean(HealthEndpoint.class);
			assertThat(health.healthForPath("readiness").getStatus())
				.as("the guard cannot see this instance, so it must serve nothing")
				.isEqualTo(Status.DOWN);
			IndicatedHealthDescriptor migrator = migrator(health);
			assertThat(migrator.getStatus()).isEqualTo(Status.DOWN);
			assertThat(migrator.getDetails()).doesNotContainKey("pending");
			assertThat((String) migrator.getDetails().get("clientRegistration"))
				.contains("permission denied for table migrator_clients")
				.contains("SELECT, INSERT, UPDATE and DELETE")
				.doesNotContain(this.web.password());

			this.web.asSuperuser("GRANT INSERT, UPDATE, DELETE ON migrator_clients TO " + this.web.name());
			long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
			while (health.healthForPath("readiness").getStatus() != Status.UP && System.nanoTime() < deadline) {
				Thread.sleep(50);
			}
			assertThat(health.healthForPath("readiness").getStatus()).as("it kept trying on its heartbeat")
				.isEqualTo(Status.UP);
			assertThat(context.getBean(Migrator.class).clientRegistry().liveClients()).hasSize(1);
		});
	}

	private WebApplicationContextRunner runner() {
		return new WebApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, MigratorAutoConfiguration.class,
					MigratorHealthAutoConfiguration.class, HealthContributorAutoConfiguration.class,
					HealthContributorRegistryAutoConfiguration.class, HealthEndpointAutoConfiguration.class,
					ApplicationAvailabilityAutoConfiguration.class,
					AvailabilityHealthContributorAutoConfiguration.class, AvailabilityProbesAutoConfiguration.class))
			.withPropertyValues("spring.datasource.url=" + this.web.url(), "spring.application.name=shop",
					"migrator.locations=" + this.revisions.location(), "migrator.clients.heartbeat-interval=100ms",
					"management.endpoint.health.show-details=always");
	}

	/** What SpringApplication announces once started; a context runner does not. */
	private static void started(ApplicationContext context) {
		AvailabilityChangeEvent.publish(context, LivenessState.CORRECT);
		AvailabilityChangeEvent.publish(context, ReadinessState.ACCEPTING_TRAFFIC);
	}

	private static IndicatedHealthDescriptor migrator(HealthEndpoint health) {
		Map<String, ?> components = ((CompositeHealthDescriptor) health.healthForPath("readiness")).getComponents();
		return (IndicatedHealthDescriptor) components.get("migrator");
	}

}

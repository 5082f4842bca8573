package dev.migrator.autoconfigure.actuate;

import dev.migrator.autoconfigure.MigratorAutoConfiguration;
import dev.migrator.autoconfigure.RevisionFiles;
import dev.migrator.autoconfigure.SqliteFile;
import dev.migrator.core.Migrator;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.actuate.endpoint.EndpointId;
import org.springframework.boot.actuate.endpoint.web.AdditionalPathsMapper;
import org.springframework.boot.actuate.endpoint.web.WebServerNamespace;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.availability.ApplicationAvailabilityAutoConfiguration;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.LivenessState;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.health.actuate.endpoint.CompositeHealthDescriptor;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroups;
import org.springframework.boot.health.autoconfigure.actuate.endpoint.AvailabilityProbesAutoConfiguration;
import org.springframework.boot.health.autoconfigure.actuate.endpoint.HealthEndpointAutoConfiguration;
import org.springframework.boot.health.autoconfigure.application.AvailabilityHealthContributorAutoConfiguration;
import org.springframework.boot.health.autoconfigure.contributor.HealthContributorAutoConfiguration;
import org.springframework.boot.health.autoconfigure.registry.HealthContributorRegistryAutoConfiguration;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.health.registry.HealthContributorRegistry;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link MigratorHealthAutoConfiguration}: the indicator, and its membership of
 * the readiness group only.
 */
class MigratorHealthAutoConfigurationTests {

	@TempDir
	Path temp;

	private ApplicationContextRunner runner() {
		return new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, MigratorAutoConfiguration.class,
					MigratorHealthAutoConfiguration.class, HealthContributorAutoConfiguration.class,
					HealthContributorRegistryAutoConfiguration.class, HealthEndpointAutoConfiguration.class,
					ApplicationAvailabilityAutoConfiguration.class,
					AvailabilityHealthContributorAutoConfiguration.class, AvailabilityProbesAutoConfiguration.class))
			.withPropertyValues(new SqliteFile(this.temp.resolve("app.db")).dataSourceProperty(),
					"migrator.locations=" + RevisionFiles.twoTables(this.temp.resolve("revisions")).location(),
					"management.endpoint.health.show-details=always");
	}

	/** What SpringApplication announces once started; a context runner does not. */
	private static void started(ApplicationContext context) {
		AvailabilityChangeEvent.publish(context, LivenessState.CORRECT);
		AvailabilityChangeEvent.publish(context, ReadinessState.ACCEPTING_TRAFFIC);
	}

	@Test
	void registersTheMigratorIndicator() {
		runner().run((context) -> {
			assertThat(context).hasSingleBean(MigratorHealthIndicator.class);
			assertThat(context.getBean(HealthContributorRegistry.class).getContributor("migrator"))
				.isSameAs(context.getBean(MigratorHealthIndicator.class));
		});
	}

	@Test
	void indicatorCanBeSwitchedOffWithoutBreakingTheGroups() {
		runner().withPropertyValues("management.health.migrator.enabled=false").run((context) -> {
			started(context);
			assertThat(context).hasNotFailed().doesNotHaveBean(MigratorHealthIndicator.class);
			assertThat(context.getBean(HealthEndpoint.class).healthForPath("readiness").getStatus())
				.isEqualTo(Status.UP);
		});
	}

	@Test
	void indicatorBacksOffWithoutMigrator() {
		runner().withPropertyValues("migrator.enabled=false")
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(MigratorHealthIndicator.class));
	}

	@Test
	void readinessIsDownUntilTheJobRanThenUp() {
		runner().run((context) -> {
			started(context);
			HealthEndpoint health = context.getBean(HealthEndpoint.class);
			CompositeHealthDescriptor before = (CompositeHealthDescriptor) health.healthForPath("readiness");
			assertThat(before.getStatus()).isEqualTo(Status.DOWN);
			assertThat(before.getComponents()).containsKeys("migrator", "readinessState");
			context.getBean(Migrator.class).upgrade("heads");
			assertThat(health.healthForPath("readiness").getStatus()).isEqualTo(Status.UP);
		});
	}

	@Test
	void livenessNeverContainsMigrator() {
		runner().run((context) -> {
			started(context);
			HealthEndpointGroups groups = context.getBean(HealthEndpointGroups.class);
			assertThat(groups.get("liveness").isMember("migrator")).isFalse();
			assertThat(groups.get("liveness").isMember("livenessState")).isTrue();
			CompositeHealthDescriptor liveness = (CompositeHealthDescriptor) context.getBean(HealthEndpoint.class)
				.healthForPath("liveness");
			assertThat(liveness.getStatus()).as("pending migrations never fail liveness").isEqualTo(Status.UP);
			assertThat(liveness.getComponents()).doesNotContainKey("migrator");
		});
	}

	@Test
	void livenessNeverContainsMigratorEvenWhenItIncludesEverything() {
		runner().withPropertyValues("management.endpoint.health.group.liveness.include=*").run((context) -> {
			started(context);
			HealthEndpointGroups groups = context.getBean(HealthEndpointGroups.class);
			assertThat(groups.get("liveness").isMember("migrator")).isFalse();
			assertThat(groups.get("liveness").isMember("readinessState")).isTrue();
			assertThat(context.getBean(HealthEndpoint.class).healthForPath("liveness").getStatus())
				.isEqualTo(Status.UP);
		});
	}

	@Test
	void readinessKeepsMigratorWhenItsMembersAreListed() {
		runner().withPropertyValues("management.endpoint.health.group.readiness.include=readinessState")
			.run((context) -> {
				HealthEndpointGroups groups = context.getBean(HealthEndpointGroups.class);
				assertThat(groups.get("readiness").isMember("migrator")).isTrue();
				assertThat(groups.get("readiness").isMember("readinessState")).isTrue();
			});
	}

	@Test
	void readinessExcludeTakesMigratorOut() {
		runner().withPropertyValues("management.endpoint.health.group.readiness.exclude=migrator").run((context) -> {
			started(context);
			assertThat(context.getBean(HealthEndpointGroups.class).get("readiness").isMember("migrator")).isFalse();
			assertThat(context.getBean(HealthEndpoint.class).healthForPath("readiness").getStatus())
				.isEqualTo(Status.UP);
		});
	}

	@Test
	void withoutProbesThereIsNoReadinessGroupToJoin() {
		runner().withPropertyValues("management.endpoint.health.probes.enabled=false").run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context.getBean(HealthEndpointGroups.class).get("readiness")).isNull();
			assertThat(context.getBean(HealthEndpointGroups.class).get("liveness")).isNull();
		});
	}

	@Test
	void probePathsOnTheMainPortAreKept() {
		runner().withPropertyValues("management.endpoint.health.probes.add-additional-paths=true").run((context) -> {
			HealthEndpointGroups groups = context.getBean(HealthEndpointGroups.class);
			assertThat(groups).isInstanceOf(AdditionalPathsMapper.class);
			assertThat(((AdditionalPathsMapper) groups).getAdditionalPaths(EndpointId.of("health"),
					WebServerNamespace.SERVER))
				.contains("/livez", "/readyz");
		});
	}

	@Test
	void mainHealthShowsMigrator() {
		runner().run((context) -> {
			HealthEndpoint endpoint = context.getBean(HealthEndpoint.class);
			CompositeHealthDescriptor health = (CompositeHealthDescriptor) endpoint.health();
			assertThat(health.getComponents()).containsKey("migrator");
		});
	}

}

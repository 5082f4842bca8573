package dev.migrator.autoconfigure;

import dev.migrator.core.error.MigratorException;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link MigrationJobEnvironmentPostProcessor}: no web server in the migration
 * job.
 */
class MigrationJobEnvironmentPostProcessorTests {

	private final MigrationJobEnvironmentPostProcessor postProcessor = new MigrationJobEnvironmentPostProcessor(
			java.util.function.Supplier::get);

	@Test
	void jobProfileTurnsTheWebServerOff() {
		StandardEnvironment environment = new StandardEnvironment();
		environment.setActiveProfiles("migrate");
		this.postProcessor.postProcessEnvironment(environment, new SpringApplication());
		assertThat(environment.getProperty("spring.main.web-application-type")).isEqualTo("none");
	}

	@Test
	void jobProfileWinsOverAWebTypeSetElsewhere() {
		MockEnvironment environment = new MockEnvironment().withProperty("spring.main.web-application-type", "servlet");
		environment.setActiveProfiles("migrate");
		this.postProcessor.postProcessEnvironment(environment, new SpringApplication());
		assertThat(environment.getProperty("spring.main.web-application-type")).isEqualTo("none");
	}

	@Test
	void withoutTheProfileTheEnvironmentIsLeftAlone() {
		StandardEnvironment environment = new StandardEnvironment();
		environment.setActiveProfiles("prod");
		this.postProcessor.postProcessEnvironment(environment, new SpringApplication());
		assertThat(environment.getProperty("spring.main.web-application-type")).isNull();
		assertThat(environment.getPropertySources().contains(MigrationJobEnvironmentPostProcessor.PROPERTY_SOURCE_NAME))
			.isFalse();
	}

	@Test
	void honoursACustomJobProfileName() {
		MockEnvironment environment = new MockEnvironment().withProperty("migrator.job.profile", "schema-job");
		environment.setActiveProfiles("schema-job");
		this.postProcessor.postProcessEnvironment(environment, new SpringApplication());
		assertThat(environment.getProperty("spring.main.web-application-type")).isEqualTo("none");
	}

	@Test
	void sqlCommandKeepsBannerAndInformationOutOfTheScriptByDefault() {
		MockEnvironment environment = new MockEnvironment().withProperty("migrator.job.command", "sql");
		environment.setActiveProfiles("migrate");
		this.postProcessor.postProcessEnvironment(environment, new SpringApplication());
		assertThat(environment.getProperty("spring.main.banner-mode")).isEqualTo("off");
		assertThat(environment.getProperty("logging.threshold.console")).isEqualTo("warn");
	}

	@Test
	void sqlDefaultsGiveWayToTheApplicationsOwnSettings() {
		MockEnvironment environment = new MockEnvironment().withProperty("migrator.job.command", "SQL")
			.withProperty("logging.threshold.console", "debug");
		environment.setActiveProfiles("migrate");
		this.postProcessor.postProcessEnvironment(environment, new SpringApplication());
		assertThat(environment.getProperty("logging.threshold.console")).isEqualTo("debug");
	}

	@Test
	void otherCommandsKeepTheUsualOutput() {
		StandardEnvironment environment = new StandardEnvironment();
		environment.setActiveProfiles("migrate");
		this.postProcessor.postProcessEnvironment(environment, new SpringApplication());
		assertThat(environment.getProperty("spring.main.banner-mode")).isNull();
	}

	@Test
	void applicationStartedWithTheJobProfileIsNotAWebApplication() {
		SpringApplication application = new SpringApplication(EmptyConfiguration.class);
		// As Spring Boot would deduce it with a servlet container on the class path.
		application.setWebApplicationType(WebApplicationType.SERVLET);
		try (ConfigurableApplicationContext context = application.run("--spring.profiles.active=migrate")) {
			// Spring Boot binds spring.main.* onto the application before it creates the
			// context.
			assertThat(application.getWebApplicationType()).isEqualTo(WebApplicationType.NONE);
			assertThat(context.getEnvironment().getProperty("spring.main.web-application-type")).isEqualTo("none");
		}
	}

	@Configuration(proxyBeanMethods = false)
	static class EmptyConfiguration {

	}

	@Test
	void jobTurnsOffEverySchemaCheckOfJpa() {
		MockEnvironment environment = new MockEnvironment().withProperty("spring.jpa.hibernate.ddl-auto", "validate")
			.withProperty("spring.jpa.properties.hibernate.hbm2ddl.auto", "update");
		environment.setActiveProfiles("migrate");
		this.postProcessor.postProcessEnvironment(environment, new SpringApplication());
		assertThat(environment.getProperty("spring.jpa.hibernate.ddl-auto")).isEqualTo("none");
		assertThat(environment.getProperty("spring.jpa.properties.hibernate.hbm2ddl.auto")).isEqualTo("none");
		assertThat(environment.getProperty("spring.jpa.generate-ddl")).isEqualTo("false");
	}

	@Test
	void jobFailsOnAnUnknownKeySuggestingTheKnownOne() {
		MockEnvironment environment = new MockEnvironment().withProperty("migrator.job.comand", "check");
		environment.setActiveProfiles("migrate");
		assertThatExceptionOfType(MigratorException.class)
			.isThrownBy(() -> this.postProcessor.postProcessEnvironment(environment, new SpringApplication()))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo("invalid-configuration"))
			.withMessageContaining("Unknown property migrator.job.comand (in mockProperties): "
					+ "did you mean migrator.job.command?");
	}

	@Test
	void everyRelaxedFormOfAKnownKeyIsKnown() {
		MockEnvironment environment = new MockEnvironment().withProperty("migrator.job.checkLint", "false")
			.withProperty("migrator.job.check-lint", "false")
			.withProperty("migrator.lockRetry.baseDelay", "1s")
			.withProperty("migrator.locations[0]", "classpath:a")
			.withProperty("migrator.java-packages[1]", "a.b")
			.withProperty("migrator.replica.sources.eu-west.url", "jdbc:postgresql://x/y")
			.withProperty("migrator.replica.sources[eu].username", "u")
			.withProperty("MIGRATOR.ENABLED", "true");
		environment.getPropertySources()
			.addLast(new SystemEnvironmentPropertySource("systemEnvironment",
					Map.of("MIGRATOR_JOB_COMMAND", "check", "MIGRATOR_REPLICA_MAX_LAG_BYTES", "1MB",
							"MIGRATOR_REPLICA_MAXLAGBYTES", "1MB", "MIGRATOR_LOCATIONS_0", "classpath:a",
							"MIGRATOR_REPLICA_SOURCES_EU_URL", "jdbc:postgresql://x/y", "PATH", "/bin")));
		environment.setActiveProfiles("migrate");
		this.postProcessor.postProcessEnvironment(environment, new SpringApplication());
		assertThat(environment.getProperty("spring.main.web-application-type")).isEqualTo("none");
	}

	@Test
	void unknownEnvironmentVariablesAndMapEntriesAreCaught() {
		MockEnvironment environment = new MockEnvironment().withProperty("migrator.replica.sources.eu.ulr", "x");
		environment.getPropertySources()
			.addLast(new SystemEnvironmentPropertySource("systemEnvironment", Map.of("MIGRATOR_JOB_COMAND", "check")));
		environment.setActiveProfiles("migrate");
		assertThatExceptionOfType(MigratorException.class)
			.isThrownBy(() -> this.postProcessor.postProcessEnvironment(environment, new SpringApplication()))
			.withMessageContaining("Unknown property migrator.replica.sources.eu.ulr (in mockProperties): "
					+ "did you mean migrator.replica.sources.eu.url?")
			.withMessageContaining("Unknown property MIGRATOR_JOB_COMAND (in systemEnvironment): "
					+ "did you mean migrator.job.command?");
	}

	@Test
	void jobFailsWhenMigratorIsDisabled() {
		MockEnvironment environment = new MockEnvironment().withProperty("migrator.enabled", "false");
		environment.setActiveProfiles("migrate");
		assertThatExceptionOfType(MigratorException.class)
			.isThrownBy(() -> this.postProcessor.postProcessEnvironment(environment, new SpringApplication()))
			.withMessageContaining("profile 'migrate' is active, but migrator.enabled is false");
	}

	@Test
	void withoutTheProfileUnknownKeysAndADisabledMigratorAreNoFailure() {
		MockEnvironment environment = new MockEnvironment().withProperty("migrator.enabled", "false")
			.withProperty("migrator.job.comand", "check");
		this.postProcessor.postProcessEnvironment(environment, new SpringApplication());
		assertThat(environment.getProperty("spring.jpa.hibernate.ddl-auto")).isNull();
	}

	@Test
	void everyPropertyOfTheMetadataIsKnown() {
		MigratorPropertyNames names = MigratorPropertyNames.of();
		assertThat(names.names()).contains("migrator.enabled", "migrator.locations", "migrator.job.command",
				"migrator.job.check-lint", "migrator.lock-retry.base-delay", "migrator.replica.sources.*.url",
				"migrator.backfill.run-on-upgrade", "migrator.clients.live-window");
	}

}

package dev.migrator.autoconfigure;

import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link MigrationJobEnvironmentPostProcessor}: no web server in the migration
 * job.
 */
class MigrationJobEnvironmentPostProcessorTests {

	private final MigrationJobEnvironmentPostProcessor postProcessor = new MigrationJobEnvironmentPostProcessor();

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

}

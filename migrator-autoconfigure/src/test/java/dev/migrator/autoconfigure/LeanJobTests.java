package dev.migrator.autoconfigure;

import dev.migrator.autoconfigure.actuate.MigratorEndpoint;
import dev.migrator.autoconfigure.leanapp.LeanJobApplication;
import dev.migrator.core.Migrator;
import dev.migrator.testsupport.TestPostgres;

import java.nio.file.Files;
import java.nio.file.Path;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.health.registry.HealthContributorRegistry;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The migration job starts what its command needs: no actuator, health or metrics
 * machinery unless asked, and the application's own beans only when the job uses them.
 * Through a real SpringApplication, since the filter works where auto-configurations are
 * imported.
 */
class LeanJobTests {

	@TempDir
	Path temp;

	@Test
	void theJobRunsWithoutTheActuatorAndWithoutMakingBeansItDoesNotUse() throws Exception {
		LeanJobApplication.controllersMade.set(0);
		try (ConfigurableApplicationContext context = job()) {
			assertThat(context.getBeanNamesForType(Migrator.class)).hasSize(1);
			assertThat(context.getBeanNamesForType(MeterRegistry.class)).as("no metrics machinery").isEmpty();
			assertThat(context.getBeanNamesForType(MigratorEndpoint.class)).as("no endpoint").isEmpty();
			assertThat(context.getBeanNamesForType(HealthContributorRegistry.class)).as("no health").isEmpty();
			assertThat(LeanJobApplication.controllersMade).as("a bean the job does not use is not made").hasValue(0);
			assertThat(Thread.getAllStackTraces().keySet()).extracting(Thread::getName)
				.as("no background thread of migrator's")
				.noneMatch((name) -> name.startsWith("migrator-"));
			assertThat(context.getBean(Migrator.class).current()).as("the job ran").containsExactly("0001_t");
		}
	}

	@Test
	void aJobThatPushesItsMetricsKeepsTheActuatorWhenAsked() throws Exception {
		try (ConfigurableApplicationContext context = job("--migrator.job.actuator=true")) {
			assertThat(context.getBeanNamesForType(MeterRegistry.class)).isNotEmpty();
		}
	}

	@Test
	void anApplicationThatNeedsItsBeansMadeEagerlyInTheJobSaysSo() throws Exception {
		LeanJobApplication.controllersMade.set(0);
		try (ConfigurableApplicationContext context = job("--spring.main.lazy-initialization=false")) {
			assertThat(LeanJobApplication.controllersMade).hasValue(1);
		}
	}

	@Test
	void withoutTheJobProfileTheActuatorIsThere() throws Exception {
		Files.createDirectories(this.temp.resolve("revisions"));
		SpringApplication application = new SpringApplication(LeanJobApplication.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		try (ConfigurableApplicationContext context = application.run(arguments())) {
			assertThat(context.getBeanNamesForType(MeterRegistry.class)).isNotEmpty();
			assertThat(LeanJobApplication.controllersMade.get()).isPositive();
		}
	}

	private ConfigurableApplicationContext job(String... more) throws Exception {
		Files.createDirectories(this.temp.resolve("revisions"));
		SpringApplication application = new SpringApplication(LeanJobApplication.class);
		String[] base = arguments();
		String[] all = new String[base.length + more.length + 2];
		System.arraycopy(base, 0, all, 0, base.length);
		all[base.length] = "--spring.profiles.active=migrate";
		all[base.length + 1] = "--migrator.job.exit=false";
		System.arraycopy(more, 0, all, base.length + 2, more.length);
		return application.run(all);
	}

	// PostgreSQL: JPA is on this module's test classpath, and Hibernate has no SQLite
	// dialect.
	private String[] arguments() throws Exception {
		TestPostgres server = TestPostgres.shared();
		Files.writeString(this.temp.resolve("revisions").resolve("0001_t.sql"),
				"-- migrator:revision 0001_t\n-- migrator:upgrade\nCREATE TABLE t (id integer);\n");
		return new String[] { "--spring.datasource.url=" + server.createDatabase(),
				"--spring.datasource.username=" + server.user(), "--spring.datasource.password=" + server.password(),
				"--migrator.locations=filesystem:" + this.temp.resolve("revisions"), "--spring.main.banner-mode=off" };
	}

	// JPA is on this module's test classpath and cannot tell a SQLite dialect.

}

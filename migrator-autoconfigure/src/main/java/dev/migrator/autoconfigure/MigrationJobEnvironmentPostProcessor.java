package dev.migrator.autoconfigure;

import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Keeps the web server from starting when the application runs as the migration job: a
 * Kubernetes Job or an init container must end when the command is done, and must not
 * take a port. For the {@code sql} command it also keeps the banner and informational log
 * lines out of standard output, which then holds the script alone, unless the application
 * configures them itself. Runs after the config data was loaded, so profiles activated in
 * application properties count.
 */
public class MigrationJobEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

	static final String PROPERTY_SOURCE_NAME = "migratorJob";

	static final String SQL_DEFAULTS_PROPERTY_SOURCE_NAME = "migratorJobSqlDefaults";

	static final String WEB_APPLICATION_TYPE = "spring.main.web-application-type";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (!MigrationJobProfile.isActive(environment)) {
			return;
		}
		// First: the job profile's promise (no server) wins over a web type set anywhere
		// else.
		environment.getPropertySources()
			.addFirst(new MapPropertySource(PROPERTY_SOURCE_NAME, Map.of(WEB_APPLICATION_TYPE, "none")));
		if ("sql".equalsIgnoreCase(environment.getProperty("migrator.job.command", "").trim())) {
			// Last: mere defaults, so that `> script.sql` gets a script; warnings and
			// errors still show.
			environment.getPropertySources()
				.addLast(new MapPropertySource(SQL_DEFAULTS_PROPERTY_SOURCE_NAME,
						Map.of("spring.main.banner-mode", "off", "logging.threshold.console", "warn")));
		}
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

}

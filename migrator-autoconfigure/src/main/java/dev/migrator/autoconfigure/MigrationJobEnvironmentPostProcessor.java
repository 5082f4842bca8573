package dev.migrator.autoconfigure;

import dev.migrator.core.error.ErrorCode;

import dev.migrator.core.error.MigratorException;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.commons.logging.Log;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Prepares the environment of the migration job, and makes configuration mistakes loud.
 * Runs after the config data was loaded, so profiles activated in application properties
 * count.
 * <ul>
 * <li>The web server stays off: a Kubernetes Job or an init container must end when the
 * command is done, and must not take a port.</li>
 * <li>JPA neither validates nor updates the schema: the job is there to create it, and
 * {@code spring.jpa.hibernate.ddl-auto=validate} would otherwise stop the job before it
 * ran.</li>
 * <li>Beans are initialized lazily, unless the application says otherwise, and the
 * actuator stays out ({@link LeanJobAutoConfigurationFilter}): the job starts what its
 * command needs.</li>
 * <li>For the {@code sql} command, the banner and informational log lines stay out of
 * standard output, which then holds the script alone, unless the application configures
 * them itself.</li>
 * <li>An unknown {@code migrator.*} key (a typo such as {@code migrator.job.comand})
 * fails the job, which would otherwise run with the default; a web application logs a
 * warning for it. {@code migrator.enabled=false} fails the job, which would otherwise do
 * nothing and exit 0.</li>
 * </ul>
 */
public class MigrationJobEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

	static final String PROPERTY_SOURCE_NAME = "migratorJob";

	static final String SQL_DEFAULTS_PROPERTY_SOURCE_NAME = "migratorJobSqlDefaults";

	static final String LEAN_DEFAULTS_PROPERTY_SOURCE_NAME = "migratorJobDefaults";

	/**
	 * Beans are made when the job's runner needs them: the application's controllers,
	 * caches, schedulers and clients, which a job does not use, are never created. A
	 * default: an application that needs its beans made eagerly in the job sets it to
	 * false.
	 */
	static final Map<String, Object> LEAN_DEFAULTS = Map.of("spring.main.lazy-initialization", "true");

	static final String WEB_APPLICATION_TYPE = "spring.main.web-application-type";

	/**
	 * Every way Hibernate can be told to create, update or validate the schema at
	 * startup, switched off.
	 */
	static final Map<String, String> NO_SCHEMA_MANAGEMENT = Map.of("spring.jpa.hibernate.ddl-auto", "none",
			"spring.jpa.generate-ddl", "false", "spring.jpa.properties.hibernate.hbm2ddl.auto", "none",
			"spring.jpa.properties.jakarta.persistence.schema-generation.database.action", "none");

	private final Log logger;

	private final UnknownMigratorProperties unknownProperties = new UnknownMigratorProperties();

	public MigrationJobEnvironmentPostProcessor(DeferredLogFactory logFactory) {
		this.logger = logFactory.getLog(MigrationJobEnvironmentPostProcessor.class);
	}

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		List<UnknownMigratorProperty> unknown = this.unknownProperties.in(environment);
		if (!MigrationJobProfile.isActive(environment)) {
			unknown.forEach((property) -> this.logger.warn(property.describe() + " It is ignored."));
			return;
		}
		requireEnabled(environment);
		requireKnown(unknown);
		// First: the job profile's promises (no server, no schema management by JPA) win
		// over settings made anywhere else.
		Map<String, Object> job = new java.util.HashMap<>(NO_SCHEMA_MANAGEMENT);
		job.put(WEB_APPLICATION_TYPE, "none");
		environment.getPropertySources().addFirst(new MapPropertySource(PROPERTY_SOURCE_NAME, job));
		environment.getPropertySources()
			.addLast(new MapPropertySource(LEAN_DEFAULTS_PROPERTY_SOURCE_NAME, LEAN_DEFAULTS));
		if ("sql".equalsIgnoreCase(environment.getProperty("migrator.job.command", "").trim())) {
			// Last: mere defaults, so that `> script.sql` gets a script; warnings and
			// errors still show.
			environment.getPropertySources()
				.addLast(new MapPropertySource(SQL_DEFAULTS_PROPERTY_SOURCE_NAME,
						Map.of("spring.main.banner-mode", "off", "logging.threshold.console", "warn")));
		}
	}

	private static void requireEnabled(ConfigurableEnvironment environment) {
		boolean enabled = Binder.get(environment).bind("migrator.enabled", Boolean.class).orElse(true);
		if (!enabled) {
			throw new MigratorException(ErrorCode.INVALID_CONFIGURATION,
					"The migration job's profile '" + MigrationJobProfile.name(environment)
							+ "' is active, but migrator.enabled is false: the job would do nothing and exit 0. "
							+ "Remove migrator.enabled=false from the job's configuration, or start the application "
							+ "without that profile.");
		}
	}

	private static void requireKnown(List<UnknownMigratorProperty> unknown) {
		if (!unknown.isEmpty()) {
			throw new MigratorException(ErrorCode.INVALID_CONFIGURATION,
					unknown.stream()
						.map(UnknownMigratorProperty::describe)
						.collect(Collectors.joining(" ", "",
								" The migration job does not run with a setting it would ignore.")));
		}
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

}

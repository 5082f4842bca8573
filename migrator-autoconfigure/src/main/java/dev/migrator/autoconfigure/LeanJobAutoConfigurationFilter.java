package dev.migrator.autoconfigure;

import java.util.List;

import org.springframework.boot.autoconfigure.AutoConfigurationImportFilter;
import org.springframework.boot.autoconfigure.AutoConfigurationMetadata;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;

/**
 * Keeps the actuator, health and Micrometer auto-configuration out of the migration job,
 * unless {@code migrator.job.actuator} is set. The job serves no endpoint and ends in
 * seconds, yet those auto-configurations made up about a sixth of its start (their
 * classes, conditions, meter registries and the gauges' background threads). Filtered
 * before their classes are loaded, which an exclusion by property could not do without
 * replacing the application's own {@code spring.autoconfigure.exclude}.
 */
public final class LeanJobAutoConfigurationFilter implements AutoConfigurationImportFilter, EnvironmentAware {

	static final String ACTUATOR_PROPERTY = "migrator.job.actuator";

	/** The packages of the auto-configurations a job goes without. */
	static final List<String> LEFT_OUT = List.of("org.springframework.boot.actuate.autoconfigure.",
			"org.springframework.boot.health.autoconfigure.", "org.springframework.boot.micrometer.",
			"dev.migrator.autoconfigure.actuate.", "dev.migrator.autoconfigure.metrics.");

	private Environment environment;

	@Override
	public void setEnvironment(Environment environment) {
		this.environment = environment;
	}

	@Override
	public boolean[] match(String[] autoConfigurationClasses, AutoConfigurationMetadata metadata) {
		boolean[] matches = new boolean[autoConfigurationClasses.length];
		boolean lean = this.environment != null && MigrationJobProfile.isActive(this.environment)
				&& !this.environment.getProperty(ACTUATOR_PROPERTY, Boolean.class, false);
		for (int i = 0; i < autoConfigurationClasses.length; i++) {
			matches[i] = !lean || !leftOut(autoConfigurationClasses[i]);
		}
		return matches;
	}

	static boolean leftOut(String autoConfigurationClass) {
		// Entries of a filtered import may be null (removed by an earlier filter).
		return autoConfigurationClass != null && LEFT_OUT.stream().anyMatch(autoConfigurationClass::startsWith);
	}

}

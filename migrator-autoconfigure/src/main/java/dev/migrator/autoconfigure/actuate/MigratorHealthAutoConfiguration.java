package dev.migrator.autoconfigure.actuate;

import dev.migrator.autoconfigure.MigratorAutoConfiguration;
import dev.migrator.autoconfigure.MigratorClientRegistration;
import dev.migrator.core.Migrator;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Auto-configuration for the {@code migrator} health indicator
 * ({@code management.health.migrator.enabled}) and its place in the readiness group only.
 */
@AutoConfiguration(after = MigratorAutoConfiguration.class, afterName = MigratorHealthAutoConfiguration.PROBES)
@ConditionalOnClass({ Migrator.class, HealthIndicator.class, ConditionalOnEnabledHealthIndicator.class })
@ConditionalOnBean(Migrator.class)
@ConditionalOnEnabledHealthIndicator("migrator")
public final class MigratorHealthAutoConfiguration {

	static final String PROBES = "org.springframework.boot.health.autoconfigure.actuate.endpoint."
			+ "AvailabilityProbesAutoConfiguration";

	@Bean
	@ConditionalOnMissingBean(name = "migratorHealthIndicator")
	MigratorHealthIndicator migratorHealthIndicator(Migrator migrator,
			ObjectProvider<MigratorClientRegistration> registration) {
		MigratorClientRegistration recording = registration.getIfAvailable();
		return (recording != null) ? new MigratorHealthIndicator(migrator, recording)
				: new MigratorHealthIndicator(migrator);
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = "org.springframework.boot.actuate.endpoint.annotation.Endpoint")
	static class ProbeGroupsConfiguration {

		// Declared after Spring Boot's availability probes configuration (see afterName),
		// so that this post-processor
		// runs after the one that creates the liveness and readiness groups: both have
		// the lowest precedence.
		@Bean
		MigratorProbeGroupsPostProcessor migratorProbeGroupsPostProcessor(Environment environment) {
			return new MigratorProbeGroupsPostProcessor(environment);
		}

	}

}

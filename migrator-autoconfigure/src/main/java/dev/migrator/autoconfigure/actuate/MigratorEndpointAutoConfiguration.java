package dev.migrator.autoconfigure.actuate;

import dev.migrator.autoconfigure.MigratorAutoConfiguration;
import dev.migrator.autoconfigure.LatestDrift;
import dev.migrator.core.Migrator;

import org.springframework.beans.factory.ObjectProvider;

import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration for the {@link MigratorEndpoint}, when Actuator is present and the
 * endpoint is enabled and exposed
 * ({@code management.endpoints.web.exposure.include=migrator}).
 */
@AutoConfiguration(after = MigratorAutoConfiguration.class)
@ConditionalOnClass({ Migrator.class, ConditionalOnAvailableEndpoint.class })
@ConditionalOnAvailableEndpoint(MigratorEndpoint.class)
public final class MigratorEndpointAutoConfiguration {

	@Bean
	@ConditionalOnBean(Migrator.class)
	@ConditionalOnMissingBean
	MigratorEndpoint migratorEndpoint(Migrator migrator, ObjectProvider<LatestDrift> latestDrift) {
		return new MigratorEndpoint(migrator, latestDrift.getIfAvailable(LatestDrift::new));
	}

}

package dev.migrator.autoconfigure;

import dev.migrator.core.config.MigratorConfig;

/**
 * Callback to change the engine's configuration beyond what the {@code migrator.*}
 * properties say. Customizers run in {@link org.springframework.core.annotation.Order
 * order}, after the properties were applied.
 */
@FunctionalInterface
public interface MigratorConfigCustomizer {

	/**
	 * Customizes the configuration before it is built.
	 * @param builder the builder, with the properties already applied
	 */
	void customize(MigratorConfig.Builder builder);

}

/**
 * Spring Boot auto-configuration for migrator: the {@code migrator.*} properties, the
 * {@code Migrator} bean, the migration job that runs one command when its profile is
 * active, and the failure analysis of invalid settings.
 */
package dev.migrator.autoconfigure;

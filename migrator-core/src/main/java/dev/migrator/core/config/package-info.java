/**
 * The engine's immutable configuration, built only through
 * {@link dev.migrator.core.config.MigratorConfig#builder()}. Public API.
 */
package dev.migrator.core.config;

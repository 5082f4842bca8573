/**
 * The engine's facade: {@link dev.migrator.core.Migrator} with one method per command,
 * its immutable {@link dev.migrator.core.config.MigratorConfig}, and the root exception
 * every failure derives from.
 */
package dev.migrator.core;

/**
 * The bottom layer: {@link dev.migrator.core.error.MigratorException}, the root of every
 * failure the engine raises, and the catalog of its stable error codes. Public API.
 */
package dev.migrator.core.error;

/**
 * One class per verb ({@code UpgradeCommand}, {@code StampCommand}, ...) over one
 * {@link dev.migrator.core.command.Session} type that owns the connection, the dialect,
 * the run lock, the state tables and the translation of {@code SQLException}. The results
 * the facade returns ({@code RunResult}, {@code MigrationStatus}) and their exceptions
 * are public API; the command classes are internal and may change.
 */
package dev.migrator.core.command;

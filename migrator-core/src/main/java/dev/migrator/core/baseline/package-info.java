/**
 * A live schema as the SQL that recreates it, for the baseline command: read from the
 * catalog's own definitions ({@code pg_get_constraintdef}, {@code pg_get_indexdef},
 * {@code pg_get_viewdef}, {@code pg_get_functiondef}, {@code pg_get_triggerdef},
 * {@code format_type} on PostgreSQL; the stored SQL of {@code sqlite_master} on SQLite),
 * in an order that runs on an empty database.
 */
package dev.migrator.core.baseline;

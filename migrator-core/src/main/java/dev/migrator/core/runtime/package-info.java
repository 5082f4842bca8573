/**
 * Running a plan against a connection: transactions (split around statements that cannot
 * run in one), the version and history tables, timeouts and lock timeout retries,
 * listeners, and the offline script writer.
 */
package dev.migrator.core.runtime;

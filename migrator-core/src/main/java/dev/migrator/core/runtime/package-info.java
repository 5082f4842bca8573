/**
 * Running a plan against a connection: transactions, the version and history tables, timeouts, listeners, and the
 * offline script writer.
 */
package dev.migrator.core.runtime;

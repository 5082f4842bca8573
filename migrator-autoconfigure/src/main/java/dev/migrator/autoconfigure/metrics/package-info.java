/**
 * Micrometer metrics for migrator: the pending and current-revision gauges, the migration duration timer, and the
 * meter names reserved for backfills and replica lag.
 */
package dev.migrator.autoconfigure.metrics;

/**
 * Micrometer metrics for migrator: the pending and current-revision gauges, the migration
 * duration timer, the lock retry counter, the backfill rows counter and progress gauges,
 * and the replica lag gauges.
 */
package dev.migrator.autoconfigure.metrics;

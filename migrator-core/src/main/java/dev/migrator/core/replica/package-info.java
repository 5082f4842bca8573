/**
 * Replica lag: measured on the primary ({@code pg_stat_replication}) and on replicas you
 * name, and a throttle with high and low marks that long-running work consults between
 * steps so that replicas can keep up.
 */
package dev.migrator.core.replica;

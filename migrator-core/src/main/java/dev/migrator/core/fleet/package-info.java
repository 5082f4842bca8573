/**
 * Fleets: the same revisions on many targets (one schema or one database per tenant). The
 * targets, the connections that put a tenant's schema first on the search path or reach a
 * tenant's database, the waves and the error budget of a rollout, and the run table
 * through which several job processes share one run (row claims with
 * {@code FOR UPDATE SKIP LOCKED} and leases that expire). What runs on one target is the
 * command layer's business, handed in as a {@link dev.migrator.core.fleet.TargetWork}.
 */
package dev.migrator.core.fleet;

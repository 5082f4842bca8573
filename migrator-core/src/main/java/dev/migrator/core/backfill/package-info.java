/**
 * Backfills: data migrations run as their own job in short keyset batches, each committed
 * together with its progress so that a killed job resumes where it stopped, sized
 * adaptively toward a target duration, shared between workers through a chunk table on
 * PostgreSQL, and throttled by replica lag.
 */
package dev.migrator.core.backfill;

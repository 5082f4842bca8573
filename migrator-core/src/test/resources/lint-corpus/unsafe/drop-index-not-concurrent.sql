-- Unsafe cases for drop-index-not-concurrent: each must be reported by that rule.
-- Written from the described behaviour of the matching squawk rules and strong_migrations checks.

-- case: drop an index
-- expect: drop-index-not-concurrent
-- squawk: require-concurrent-index-deletion
-- strong_migrations: remove_index
DROP INDEX users_email_idx;

-- case: drop an index if it exists
-- expect: drop-index-not-concurrent
-- squawk: require-concurrent-index-deletion
-- strong_migrations: remove_index
DROP INDEX IF EXISTS users_email_idx;

-- case: drop two indexes
-- expect: drop-index-not-concurrent
-- squawk: require-concurrent-index-deletion
-- strong_migrations: remove_index
DROP INDEX a_idx, b_idx;

-- case: drop a schema-qualified index with cascade
-- expect: drop-index-not-concurrent
-- squawk: require-concurrent-index-deletion
-- strong_migrations: remove_index
DROP INDEX public.orders_total_idx CASCADE;

-- case: an index of a partition, which is a table of its own
-- expect: drop-index-not-concurrent
-- squawk: require-concurrent-index-deletion
-- strong_migrations: remove_index
-- setup: CREATE TABLE events (id bigint, at timestamptz NOT NULL, kind text) PARTITION BY RANGE (at);
-- setup: CREATE TABLE events_2026 PARTITION OF events FOR VALUES FROM ('2026-01-01') TO ('2027-01-01');
-- setup: CREATE INDEX CONCURRENTLY events_2026_at_idx ON events_2026 (at);
DROP INDEX events_2026_at_idx;

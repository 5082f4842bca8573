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

-- Unsafe cases for detach-partition-not-concurrent: each must be reported by that rule.
-- Written from the described behaviour of the matching squawk rules and strong_migrations checks.

-- case: detach a partition
-- expect: detach-partition-not-concurrent
-- squawk: require-concurrent-partition-detach
-- strong_migrations: none
ALTER TABLE measurements DETACH PARTITION measurements_2020;

-- case: detach a schema-qualified partition
-- expect: detach-partition-not-concurrent
-- squawk: require-concurrent-partition-detach
-- strong_migrations: none
ALTER TABLE public.events DETACH PARTITION public.events_old;

-- case: detach without concurrently on PostgreSQL 14
-- expect: detach-partition-not-concurrent
-- squawk: require-concurrent-partition-detach
-- strong_migrations: none
-- postgres-version: 14
ALTER TABLE measurements DETACH PARTITION measurements_2020;

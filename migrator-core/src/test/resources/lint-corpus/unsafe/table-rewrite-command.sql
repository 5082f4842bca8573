-- Unsafe cases for table-rewrite-command: each must be reported by that rule.
-- Written from the described behaviour of the matching squawk rules and strong_migrations checks.

-- case: vacuum full
-- expect: table-rewrite-command
-- squawk: prefer-repack
-- strong_migrations: none
VACUUM FULL users;

-- case: vacuum with the full option
-- expect: table-rewrite-command
-- squawk: prefer-repack
-- strong_migrations: none
VACUUM (FULL, ANALYZE) orders;

-- case: cluster a table
-- expect: table-rewrite-command
-- squawk: prefer-repack
-- strong_migrations: none
CLUSTER users USING users_pkey;

-- case: cluster everything
-- expect: table-rewrite-command
-- squawk: prefer-repack
-- strong_migrations: none
CLUSTER;

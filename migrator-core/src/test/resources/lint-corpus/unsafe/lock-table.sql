-- Unsafe cases for lock-table: each must be reported by that rule.
-- Written from the described behaviour of the matching squawk rules and strong_migrations checks.

-- case: lock table
-- expect: lock-table
-- squawk: none
-- strong_migrations: none
LOCK TABLE users;

-- case: lock in share mode
-- expect: lock-table
-- squawk: none
-- strong_migrations: none
LOCK users IN SHARE MODE;

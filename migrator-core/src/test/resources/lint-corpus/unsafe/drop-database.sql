-- Unsafe cases for drop-database: each must be reported by that rule.
-- Written from the described behaviour of the matching squawk rules and strong_migrations checks.

-- case: drop database
-- expect: drop-database
-- squawk: ban-drop-database
-- strong_migrations: none
DROP DATABASE app;

-- case: drop database if exists
-- expect: drop-database
-- squawk: ban-drop-database
-- strong_migrations: none
DROP DATABASE IF EXISTS staging;

-- Unsafe cases for drop-outside-contract: each must be reported by that rule.
-- Written from the described behaviour of the matching squawk rules and strong_migrations checks.

-- case: drop a column
-- expect: drop-outside-contract
-- squawk: ban-drop-column
-- strong_migrations: remove_column
ALTER TABLE users DROP COLUMN age;

-- case: drop a column if it exists
-- expect: drop-outside-contract
-- squawk: ban-drop-column
-- strong_migrations: remove_column
ALTER TABLE users DROP COLUMN IF EXISTS legacy;

-- case: drop a table
-- expect: drop-outside-contract
-- squawk: ban-drop-table
-- strong_migrations: none
DROP TABLE orders;

-- case: drop two tables
-- expect: drop-outside-contract
-- squawk: ban-drop-table
-- strong_migrations: none
DROP TABLE IF EXISTS orders, accounts;

-- case: drop without COLUMN
-- expect: drop-outside-contract
-- squawk: ban-drop-column
-- strong_migrations: remove_column
ALTER TABLE orders DROP note;

-- case: drop a schema
-- expect: drop-outside-contract
-- squawk: none
-- strong_migrations: none
DROP SCHEMA billing CASCADE;

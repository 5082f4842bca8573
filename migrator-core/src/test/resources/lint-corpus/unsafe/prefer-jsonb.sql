-- Unsafe cases for prefer-jsonb: each must be reported by that rule.
-- Written from the described behaviour of the matching squawk rules and strong_migrations checks.

-- case: add a json column
-- expect: prefer-jsonb
-- squawk: none
-- strong_migrations: add_column_json
ALTER TABLE users ADD COLUMN settings json;

-- case: add a json column with a default
-- expect: prefer-jsonb
-- squawk: none
-- strong_migrations: add_column_json
ALTER TABLE users ADD COLUMN prefs json DEFAULT '{}';

-- case: change a column to json
-- expect: prefer-jsonb
-- squawk: none
-- strong_migrations: add_column_json
ALTER TABLE orders ALTER COLUMN note TYPE json USING note::json;

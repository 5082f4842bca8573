-- Safe cases (other): no rule may report any of them.
-- Each names the rule and the squawk / strong_migrations ids whose safe side it stands for.

-- case: update with a where
-- near: whole-table-data-change
-- squawk: none
-- strong_migrations: backfilling data
UPDATE users SET name = '' WHERE name IS NULL;

-- case: delete with a where
-- near: whole-table-data-change
-- squawk: none
-- strong_migrations: backfilling data
DELETE FROM orders WHERE total < 0;

-- case: seed data in a new table
-- near: whole-table-data-change
-- squawk: none
-- strong_migrations: backfilling data
CREATE TABLE settings (key text, value text);
INSERT INTO settings VALUES ('a', 'b');
UPDATE settings SET value = 'c';

-- case: insert rows
-- near: whole-table-data-change
-- squawk: none
-- strong_migrations: backfilling data
INSERT INTO users (id, email) VALUES (1, 'a@example.com');

-- case: plain vacuum
-- near: table-rewrite-command
-- squawk: prefer-repack
-- strong_migrations: none
-- headers: transactional false
VACUUM users;

-- case: vacuum analyze
-- near: table-rewrite-command
-- squawk: prefer-repack
-- strong_migrations: none
-- headers: transactional false
VACUUM (ANALYZE) orders;

-- case: vacuum with full off
-- near: table-rewrite-command
-- squawk: prefer-repack
-- strong_migrations: none
-- headers: transactional false
VACUUM (FULL false) orders;

-- case: analyze
-- near: table-rewrite-command
-- squawk: prefer-repack
-- strong_migrations: none
ANALYZE users;

-- case: set a lock timeout
-- near: lock-table
-- squawk: none
-- strong_migrations: none
SET lock_timeout = '2s';

-- case: one long lock and catalog changes
-- near: several-long-locks
-- squawk: none
-- strong_migrations: none
-- headers: transactional false
ALTER TABLE users ADD COLUMN nickname text;
CREATE INDEX CONCURRENTLY users_nick ON users (nickname);
ALTER TABLE users ALTER COLUMN nickname SET DEFAULT '';

-- case: a function whose body has begin and end
-- near: transaction-control
-- squawk: transaction-nesting
-- strong_migrations: none
CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.updated = now(); RETURN NEW; END $$;

-- case: a do block
-- near: transaction-control
-- squawk: transaction-nesting
-- strong_migrations: none
DO $$ BEGIN PERFORM 1; END $$;

-- case: a column named begin
-- near: transaction-control
-- squawk: transaction-nesting
-- strong_migrations: none
ALTER TABLE events ADD COLUMN "begin" timestamptz;

-- case: create a table with good types
-- near: none
-- squawk: none
-- strong_migrations: none
CREATE TABLE accounts2 (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, name text NOT NULL, created timestamptz NOT NULL DEFAULT now());

-- case: comment on a table
-- near: none
-- squawk: none
-- strong_migrations: none
COMMENT ON TABLE users IS 'people';

-- case: create a view
-- near: none
-- squawk: none
-- strong_migrations: none
CREATE VIEW active_users AS SELECT * FROM users WHERE age > 0;

-- case: create an enum type
-- near: none
-- squawk: none
-- strong_migrations: none
CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy');

-- case: grant
-- near: none
-- squawk: none
-- strong_migrations: none
GRANT SELECT ON users TO reporting;

-- case: set a column default
-- near: none
-- squawk: none
-- strong_migrations: none
ALTER TABLE orders ALTER COLUMN total SET DEFAULT 0;

-- case: set statistics
-- near: none
-- squawk: none
-- strong_migrations: none
ALTER TABLE users ALTER COLUMN email SET STATISTICS 500;

-- case: vacuum with the full option turned off
-- near: table-rewrite-command
-- squawk: prefer-repack
-- strong_migrations: none
VACUUM (FULL false, ANALYZE) orders;

-- case: vacuum freeze
-- near: table-rewrite-command
-- squawk: prefer-repack
-- strong_migrations: none
VACUUM FREEZE orders;

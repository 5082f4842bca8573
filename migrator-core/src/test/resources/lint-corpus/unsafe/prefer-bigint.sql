-- Unsafe cases for the opt-in rule prefer-bigint, enabled for each case.
-- Written from the described behaviour of the matching squawk rules.

-- case: integer id in a new table
-- expect: prefer-bigint
-- enable: prefer-bigint
-- squawk: prefer-bigint-over-int
-- strong_migrations: none
CREATE TABLE tags (id integer PRIMARY KEY, name text);

-- case: int foreign key column added
-- expect: prefer-bigint
-- enable: prefer-bigint
-- squawk: prefer-bigint-over-int
-- strong_migrations: none
ALTER TABLE orders ADD COLUMN shop_id int;

-- case: smallint key
-- expect: prefer-bigint
-- enable: prefer-bigint
-- squawk: prefer-bigint-over-smallint
-- strong_migrations: none
CREATE TABLE kinds (id smallint PRIMARY KEY, label text);

-- case: serial id
-- expect: prefer-bigint
-- enable: prefer-bigint
-- squawk: prefer-bigint-over-int
-- strong_migrations: none
CREATE TABLE notes (id serial PRIMARY KEY, body text);

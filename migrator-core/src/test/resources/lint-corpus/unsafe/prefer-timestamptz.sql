-- Unsafe cases for the opt-in rule prefer-timestamptz, enabled for each case.
-- Written from the described behaviour of the matching squawk rules.

-- case: timestamp in a new table
-- expect: prefer-timestamptz
-- enable: prefer-timestamptz
-- squawk: prefer-timestamptz
-- strong_migrations: none
CREATE TABLE visits (id bigint, at timestamp NOT NULL);

-- case: timestamp without time zone added
-- expect: prefer-timestamptz
-- enable: prefer-timestamptz
-- squawk: prefer-timestamptz
-- strong_migrations: none
ALTER TABLE users ADD COLUMN last_seen timestamp without time zone;

-- case: timestamp with precision
-- expect: prefer-timestamptz
-- enable: prefer-timestamptz
-- squawk: prefer-timestamptz
-- strong_migrations: none
CREATE TABLE visits (id bigint, at timestamp(3));

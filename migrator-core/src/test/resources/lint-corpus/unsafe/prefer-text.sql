-- Unsafe cases for the opt-in rule prefer-text, enabled for each case.
-- Written from the described behaviour of the matching squawk rules.

-- case: varchar with a length in a new table
-- expect: prefer-text
-- enable: prefer-text
-- squawk: prefer-text-field
-- strong_migrations: none
CREATE TABLE people (id bigint, name varchar(100));

-- case: character varying added
-- expect: prefer-text
-- enable: prefer-text
-- squawk: prefer-text-field
-- strong_migrations: none
ALTER TABLE users ADD COLUMN city character varying(80);

-- case: char column
-- expect: prefer-text
-- enable: prefer-text
-- squawk: ban-char-field
-- strong_migrations: none
CREATE TABLE codes (id bigint, code char(3));

-- case: character column
-- expect: prefer-text
-- enable: prefer-text
-- squawk: ban-char-field
-- strong_migrations: none
ALTER TABLE users ADD COLUMN initial character(1);

-- case: a schema-qualified varchar with a length
-- expect: prefer-text
-- enable: prefer-text
-- squawk: prefer-text-field
-- strong_migrations: none
CREATE TABLE labels (id bigint PRIMARY KEY, title pg_catalog.varchar(100) NOT NULL);

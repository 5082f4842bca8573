-- Unsafe cases for the opt-in rule prefer-identity, enabled for each case.
-- Written from the described behaviour of the matching squawk rules.

-- case: serial primary key
-- expect: prefer-identity
-- enable: prefer-identity
-- squawk: prefer-identity
-- strong_migrations: none
CREATE TABLE notes (id bigserial PRIMARY KEY, body text);

-- case: serial4 column
-- expect: prefer-identity
-- enable: prefer-identity
-- squawk: prefer-identity
-- strong_migrations: none
CREATE TABLE counters (n serial4);

-- case: serial column on a new table
-- expect: prefer-identity
-- enable: prefer-identity
-- squawk: prefer-identity
-- strong_migrations: add_column_auto_incrementing
CREATE TABLE tickets (name text);
ALTER TABLE tickets ADD COLUMN number bigserial;

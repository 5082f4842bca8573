-- Unsafe cases for unique-without-index: each must be reported by that rule.
-- Written from the described behaviour of the matching squawk rules and strong_migrations checks.

-- case: unique constraint
-- expect: unique-without-index
-- squawk: disallowed-unique-constraint
-- strong_migrations: add_unique_constraint
ALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE (email);

-- case: unnamed unique
-- expect: unique-without-index
-- squawk: disallowed-unique-constraint
-- strong_migrations: add_unique_constraint
ALTER TABLE users ADD UNIQUE (email, name);

-- case: primary key
-- expect: unique-without-index
-- squawk: adding-serial-primary-key-field
-- strong_migrations: none
ALTER TABLE events ADD PRIMARY KEY (id);

-- case: named primary key
-- expect: unique-without-index
-- squawk: adding-serial-primary-key-field
-- strong_migrations: none
ALTER TABLE events ADD CONSTRAINT events_pkey PRIMARY KEY (id);

-- case: inline unique on a new column
-- expect: unique-without-index
-- squawk: disallowed-unique-constraint
-- strong_migrations: add_unique_constraint
ALTER TABLE users ADD COLUMN handle text UNIQUE;

-- case: unique nulls not distinct
-- expect: unique-without-index
-- squawk: disallowed-unique-constraint
-- strong_migrations: add_unique_constraint
ALTER TABLE users ADD CONSTRAINT users_name_key UNIQUE NULLS NOT DISTINCT (name);

-- Unsafe cases for set-not-null-without-check: each must be reported by that rule.
-- Written from the described behaviour of the matching squawk rules and strong_migrations checks.

-- case: set not null
-- expect: set-not-null-without-check
-- squawk: adding-not-nullable-field
-- strong_migrations: change_column_null
ALTER TABLE users ALTER COLUMN email SET NOT NULL;

-- case: set not null without COLUMN
-- expect: set-not-null-without-check
-- squawk: adding-not-nullable-field
-- strong_migrations: change_column_null
ALTER TABLE orders ALTER user_id SET NOT NULL;

-- case: check added not valid but never validated
-- expect: set-not-null-without-check
-- squawk: adding-not-nullable-field
-- strong_migrations: change_column_null
-- headers: transactional false
ALTER TABLE users ADD CONSTRAINT users_name_nn CHECK (name IS NOT NULL) NOT VALID;
ALTER TABLE users ALTER COLUMN name SET NOT NULL;

-- case: validated check on another column
-- expect: set-not-null-without-check
-- squawk: adding-not-nullable-field
-- strong_migrations: change_column_null
ALTER TABLE users ADD CONSTRAINT users_age_nn CHECK (age IS NOT NULL);
ALTER TABLE users ALTER COLUMN name SET NOT NULL;

-- case: set not null on a table qualified by schema
-- expect: set-not-null-without-check
-- squawk: adding-not-nullable-field
-- strong_migrations: change_column_null
ALTER TABLE public.orders ALTER COLUMN note SET NOT NULL;

-- case: validated check does not skip the scan before PostgreSQL 12
-- expect: set-not-null-without-check
-- squawk: adding-not-nullable-field
-- strong_migrations: change_column_null_postgresql
-- postgres-version: 11
-- setup: ALTER TABLE users ADD CONSTRAINT users_email_nn CHECK (email IS NOT NULL) NOT VALID;
-- setup: ALTER TABLE users VALIDATE CONSTRAINT users_email_nn;
ALTER TABLE users ALTER COLUMN email SET NOT NULL;

-- case: set not null on PostgreSQL 18
-- expect: set-not-null-without-check
-- squawk: adding-not-nullable-field
-- strong_migrations: change_column_null
-- postgres-version: 18
ALTER TABLE users ALTER COLUMN name SET NOT NULL;

-- case: set not null while the NOT NULL constraint is still not valid (PostgreSQL 18)
-- expect: set-not-null-without-check
-- squawk: adding-not-nullable-field
-- strong_migrations: change_column_null
-- postgres-version: 18
-- setup: ALTER TABLE users ADD CONSTRAINT users_name_not_null NOT NULL name NOT VALID;
ALTER TABLE users ALTER COLUMN name SET NOT NULL;

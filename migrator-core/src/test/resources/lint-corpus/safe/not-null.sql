-- Safe cases (not-null): no rule may report any of them.
-- Each names the rule and the squawk / strong_migrations ids whose safe side it stands for.

-- case: set not null after a validated check in an earlier revision
-- near: set-not-null-without-check
-- squawk: adding-not-nullable-field
-- strong_migrations: change_column_null
-- setup: ALTER TABLE users ADD CONSTRAINT users_email_nn CHECK (email IS NOT NULL) NOT VALID;
-- setup: ALTER TABLE users VALIDATE CONSTRAINT users_email_nn;
ALTER TABLE users ALTER COLUMN email SET NOT NULL;
ALTER TABLE users DROP CONSTRAINT users_email_nn;

-- case: check, validation and set not null in a non-transactional revision
-- near: set-not-null-without-check
-- squawk: adding-not-nullable-field
-- strong_migrations: change_column_null
-- headers: transactional false
ALTER TABLE users ADD CONSTRAINT users_name_nn CHECK (name IS NOT NULL) NOT VALID;
ALTER TABLE users VALIDATE CONSTRAINT users_name_nn;
ALTER TABLE users ALTER COLUMN name SET NOT NULL;
ALTER TABLE users DROP CONSTRAINT users_name_nn;

-- case: set not null on a new table
-- near: set-not-null-without-check
-- squawk: adding-not-nullable-field
-- strong_migrations: change_column_null
CREATE TABLE tags (id bigint, name text);
ALTER TABLE tags ALTER COLUMN name SET NOT NULL;

-- case: a check not valid is fine on its own
-- near: set-not-null-without-check
-- squawk: adding-not-nullable-field
-- strong_migrations: change_column_null
ALTER TABLE users ADD CONSTRAINT users_age_nn CHECK (age IS NOT NULL) NOT VALID;

-- case: several columns proven by one check
-- near: set-not-null-without-check
-- squawk: adding-not-nullable-field
-- strong_migrations: change_column_null
-- setup: ALTER TABLE users ADD CONSTRAINT users_nn CHECK (email IS NOT NULL AND name IS NOT NULL) NOT VALID;
-- setup: ALTER TABLE users VALIDATE CONSTRAINT users_nn;
ALTER TABLE users ALTER COLUMN email SET NOT NULL, ALTER COLUMN name SET NOT NULL;

-- case: drop not null in a contract revision
-- near: drop-not-null-outside-contract
-- squawk: ban-drop-not-null
-- strong_migrations: none
-- headers: phase contract
ALTER TABLE users ALTER COLUMN email DROP NOT NULL;

-- case: drop not null on a new table
-- near: drop-not-null-outside-contract
-- squawk: ban-drop-not-null
-- strong_migrations: none
CREATE TABLE tags (id bigint, name text NOT NULL);
ALTER TABLE tags ALTER COLUMN name DROP NOT NULL;

-- case: drop a default is not a drop of not null
-- near: drop-not-null-outside-contract
-- squawk: ban-drop-not-null
-- strong_migrations: none
ALTER TABLE users ALTER COLUMN age DROP DEFAULT;

-- case: validated check in a later revision, then set not null and drop the check
-- near: set-not-null-without-check
-- squawk: adding-not-nullable-field
-- strong_migrations: change_column_null
-- setup: ALTER TABLE users ADD COLUMN score bigint;
-- setup: ALTER TABLE users ADD CONSTRAINT users_score_present CHECK (score IS NOT NULL) NOT VALID;
ALTER TABLE users VALIDATE CONSTRAINT users_score_present;
ALTER TABLE users ALTER COLUMN score SET NOT NULL;
ALTER TABLE users DROP CONSTRAINT users_score_present;

-- case: quoted column named by a keyword, proven by a validated check
-- near: set-not-null-without-check
-- squawk: adding-not-nullable-field
-- strong_migrations: change_column_null
-- setup: ALTER TABLE users ADD COLUMN "interval" integer;
-- setup: ALTER TABLE "users" ADD CONSTRAINT "users_interval_present" CHECK ("interval" IS NOT NULL) NOT VALID;
ALTER TABLE "users" VALIDATE CONSTRAINT "users_interval_present";
ALTER TABLE "users" ALTER COLUMN "interval" SET NOT NULL;
ALTER TABLE "users" DROP CONSTRAINT "users_interval_present";

-- migrator:revision 0008_split_name_not_null
-- migrator:revises 0007_validate_orders_user_fk
-- migrator:message split full_name, step 3 of 3: the new columns become required
-- migrator:phase contract
-- migrator:transactional false
-- migrator:upgrade
-- Contract: an instance of the old version, which writes full_name only, could no longer insert a user.
-- Not transactional on purpose: in one transaction the lock taken by ADD CONSTRAINT would be held until the end,
-- so VALIDATE would scan the table under an exclusive lock. In autocommit each statement commits on its own:
-- brief exclusive locks to add the checks and to set NOT NULL, and a scan that lets reads and writes go on.
-- Every statement can run again, should the revision stop part-way.
-- Rows an instance of the old version inserted after the backfill of 0003 walked past them have no first name yet:
-- fill them as the backfill did. Once the old version is gone (the guard makes sure) they are few.
UPDATE users
   SET first_name = split_part(full_name, ' ', 1),
       last_name = substr(full_name, length(split_part(full_name, ' ', 1)) + 2)
 WHERE first_name IS NULL AND full_name IS NOT NULL;
UPDATE users SET last_name = '' WHERE last_name IS NULL;
ALTER TABLE users DROP CONSTRAINT IF EXISTS ck_users_first_name_not_null;
ALTER TABLE users ADD CONSTRAINT ck_users_first_name_not_null CHECK (first_name IS NOT NULL) NOT VALID;
ALTER TABLE users DROP CONSTRAINT IF EXISTS ck_users_last_name_not_null;
ALTER TABLE users ADD CONSTRAINT ck_users_last_name_not_null CHECK (last_name IS NOT NULL) NOT VALID;
ALTER TABLE users VALIDATE CONSTRAINT ck_users_first_name_not_null;
ALTER TABLE users VALIDATE CONSTRAINT ck_users_last_name_not_null;
-- With a validated CHECK (column IS NOT NULL), PostgreSQL 12+ sets NOT NULL without scanning the table again.
ALTER TABLE users ALTER COLUMN first_name SET NOT NULL;
ALTER TABLE users ALTER COLUMN last_name SET NOT NULL;
ALTER TABLE users DROP CONSTRAINT IF EXISTS ck_users_first_name_not_null;
ALTER TABLE users DROP CONSTRAINT IF EXISTS ck_users_last_name_not_null;
-- migrator:downgrade
ALTER TABLE users ALTER COLUMN last_name DROP NOT NULL;
ALTER TABLE users ALTER COLUMN first_name DROP NOT NULL;

-- migrator:revision 0008_split_name_not_null
-- migrator:revises 0007_validate_orders_user_fk
-- migrator:message split full_name, step 3 of 3: the new columns become required
-- migrator:lock-timeout 2s
-- migrator:upgrade
-- SET NOT NULL alone scans the table under an exclusive lock. A validated CHECK lets PostgreSQL 12+ skip the scan.
ALTER TABLE users ADD CONSTRAINT ck_users_first_name_not_null CHECK (first_name IS NOT NULL) NOT VALID;
ALTER TABLE users ADD CONSTRAINT ck_users_last_name_not_null CHECK (last_name IS NOT NULL) NOT VALID;
ALTER TABLE users VALIDATE CONSTRAINT ck_users_first_name_not_null;
ALTER TABLE users VALIDATE CONSTRAINT ck_users_last_name_not_null;
ALTER TABLE users ALTER COLUMN first_name SET NOT NULL;
ALTER TABLE users ALTER COLUMN last_name SET NOT NULL;
ALTER TABLE users DROP CONSTRAINT ck_users_first_name_not_null;
ALTER TABLE users DROP CONSTRAINT ck_users_last_name_not_null;
-- migrator:downgrade
ALTER TABLE users ALTER COLUMN last_name DROP NOT NULL;
ALTER TABLE users ALTER COLUMN first_name DROP NOT NULL;

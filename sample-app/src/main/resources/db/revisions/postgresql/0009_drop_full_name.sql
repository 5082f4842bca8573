-- migrator:revision 0009_drop_full_name
-- migrator:revises 0008_split_name_not_null
-- migrator:message contract: drop the old full_name column once no running instance reads it
-- migrator:phase contract
-- migrator:upgrade
ALTER TABLE users DROP COLUMN full_name;
-- migrator:downgrade
-- Back to 0008's schema, where full_name is nullable since 0002: the new version, which may still run after this
-- downgrade, does not write it.
ALTER TABLE users ADD COLUMN full_name varchar(200);
UPDATE users SET full_name = trim(first_name || ' ' || last_name);

-- migrator:revision 0002_user_email
-- migrator:revises 0001_users
-- migrator:message user email
-- migrator:upgrade
ALTER TABLE users ADD COLUMN email VARCHAR(200);
-- migrator:downgrade
ALTER TABLE users DROP COLUMN email;

-- migrator:revision 0002_add_email
-- migrator:revises 0001_init
-- migrator:upgrade
ALTER TABLE users ADD COLUMN email varchar(200);

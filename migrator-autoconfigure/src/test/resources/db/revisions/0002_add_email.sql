-- migrator:revision 0002_add_email
-- migrator:revises 0001_create_accounts
-- migrator:message add email
-- migrator:upgrade
ALTER TABLE accounts ADD COLUMN email varchar(200);

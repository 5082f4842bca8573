-- migrator:revision 0002_accounts_display_name
-- migrator:revises 0001_accounts
-- migrator:message the name an account shows
-- migrator:upgrade
ALTER TABLE accounts ADD COLUMN display_name varchar(200);
-- migrator:downgrade
ALTER TABLE accounts DROP COLUMN display_name;

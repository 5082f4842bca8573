-- migrator:revision 0001_create_accounts
-- migrator:message create accounts
-- migrator:upgrade
CREATE TABLE accounts (id integer PRIMARY KEY, name varchar(100));
-- migrator:downgrade
DROP TABLE accounts;

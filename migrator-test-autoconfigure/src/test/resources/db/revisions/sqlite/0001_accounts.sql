-- migrator:revision 0001_accounts
-- migrator:message accounts
-- migrator:upgrade
CREATE TABLE accounts (
    id integer PRIMARY KEY AUTOINCREMENT,
    email varchar(255) NOT NULL
);
-- migrator:downgrade
DROP TABLE accounts;

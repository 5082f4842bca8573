-- migrator:revision 0002_invoices
-- migrator:revises 0001_users
-- migrator:message create invoices
-- migrator:upgrade
CREATE TABLE invoices (id integer PRIMARY KEY, name varchar(100));
-- migrator:downgrade
DROP TABLE invoices;

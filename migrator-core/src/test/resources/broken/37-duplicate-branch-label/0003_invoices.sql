-- migrator:revision 0003_invoices
-- migrator:revises 0001_users
-- migrator:branch-labels shop
-- migrator:message create invoices
-- migrator:upgrade
CREATE TABLE invoices (id integer PRIMARY KEY, name varchar(100));
-- migrator:downgrade
DROP TABLE invoices;

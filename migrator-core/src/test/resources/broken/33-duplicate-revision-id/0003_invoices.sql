-- migrator:revision 0002_orders
-- migrator:revises 0001_users
-- migrator:upgrade
CREATE TABLE invoices (id integer PRIMARY KEY);

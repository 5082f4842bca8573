-- migrator:revision 0002_orders
-- migrator:revises 0001_users
-- migrator:message create orders
-- migrator:upgrade
CREATE TABLE orders (id integer PRIMARY KEY, name varchar(100));
-- migrator:downgrade
DROP TABLE orders;

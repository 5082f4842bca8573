-- migrator:revision 0002_orders
-- migrator:revises 0001_users
-- migrator:message create orders
-- migrator:statement-timeout 9999999999999999h
-- migrator:upgrade
CREATE TABLE orders (id integer PRIMARY KEY, user_id integer);
-- migrator:downgrade
DROP TABLE orders;

-- migrator:revision 0002_orders
-- migrator:revises 0001_users
-- migrator:upgrade
CREATE TABLE orders (id integer PRIMARY KEY, user_id integer);
-- migrator:downgrade
DROP TABLE orders;
-- migrator:upgrade
CREATE INDEX orders_user_idx ON orders (user_id);

-- migrator:revision 0002_orders
-- migrator:revises 0001_users
-- migrator:upgrade
CREATE TABLE orders (id integer PRIMARY KEY, user_id integer);
CREATE FUNCTION order_count() RETURNS bigint AS $body$
  SELECT count(*) FROM orders;
-- migrator:downgrade
DROP FUNCTION order_count();
DROP TABLE orders;

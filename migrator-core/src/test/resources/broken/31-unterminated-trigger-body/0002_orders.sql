-- migrator:revision 0002_orders
-- migrator:revises 0001_users
-- migrator:upgrade
CREATE TABLE orders (id integer PRIMARY KEY, user_id integer);
CREATE TRIGGER orders_touch AFTER INSERT ON orders BEGIN
  UPDATE users SET name = name WHERE id = NEW.user_id;
-- migrator:downgrade
DROP TABLE orders;

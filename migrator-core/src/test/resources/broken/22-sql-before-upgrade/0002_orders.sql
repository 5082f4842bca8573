-- migrator:revision 0002_orders
-- migrator:revises 0001_users
CREATE TABLE orders (id integer PRIMARY KEY, user_id integer);
-- migrator:upgrade
INSERT INTO users (id, name) VALUES (1, 'first');
-- migrator:downgrade
DELETE FROM users;

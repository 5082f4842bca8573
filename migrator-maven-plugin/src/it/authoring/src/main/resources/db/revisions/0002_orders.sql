-- migrator:revision 0002_orders
-- migrator:revises 0001_users
-- migrator:message create orders
-- migrator:upgrade
CREATE TABLE orders (id INTEGER PRIMARY KEY, user_id INTEGER);
-- migrator:downgrade
DROP TABLE orders;

-- migrator:revision 0002 orders
-- migrator:revises 0001_users
-- migrator:upgrade
CREATE TABLE orders (id integer PRIMARY KEY, user_id integer);
-- migrator:downgrade
DROP TABLE orders;

-- migrator:revises 0001_users
-- migrator:message create orders
-- migrator:upgrade
CREATE TABLE orders (id integer PRIMARY KEY, user_id integer);

-- migrator:revision 0003_items
-- migrator:revises 0002_orders
-- migrator:message create items
-- migrator:upgrade
CREATE TABLE items (id integer PRIMARY KEY, name varchar(100));
-- migrator:downgrade
DROP TABLE items;

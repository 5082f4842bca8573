-- migrator:revision 0002_orders
-- migrator:revises 0001_users
-- migrator:upgrade
-- TODO create the orders table
-- migrator:downgrade
DROP TABLE orders;

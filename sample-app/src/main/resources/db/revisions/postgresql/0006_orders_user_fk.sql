-- migrator:revision 0006_orders_user_fk
-- migrator:revises 0005_orders_user_index
-- migrator:message foreign key from orders to users, NOT VALID first
-- migrator:upgrade
-- NOT VALID checks new rows only, so adding it takes a brief lock and no scan of orders.
ALTER TABLE orders ADD CONSTRAINT fk_orders_user_id_users FOREIGN KEY (user_id) REFERENCES users (id) NOT VALID;
-- migrator:downgrade
ALTER TABLE orders DROP CONSTRAINT fk_orders_user_id_users;

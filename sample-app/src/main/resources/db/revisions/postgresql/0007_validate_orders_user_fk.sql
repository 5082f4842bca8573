-- migrator:revision 0007_validate_orders_user_fk
-- migrator:revises 0006_orders_user_fk
-- migrator:message validate the foreign key in its own transaction
-- migrator:upgrade
-- VALIDATE scans orders under SHARE UPDATE EXCLUSIVE: reads and writes go on meanwhile.
ALTER TABLE orders VALIDATE CONSTRAINT fk_orders_user_id_users;
-- migrator:downgrade
-- A validated constraint cannot be made NOT VALID again; dropping and re-adding keeps the shape of 0006.
ALTER TABLE orders DROP CONSTRAINT fk_orders_user_id_users;
ALTER TABLE orders ADD CONSTRAINT fk_orders_user_id_users FOREIGN KEY (user_id) REFERENCES users (id) NOT VALID;

-- migrator:revision 0007_validate_orders_user_fk
-- migrator:revises 0006_orders_user_fk
-- migrator:message validate the foreign key
-- migrator:upgrade
-- SQLite enforces the key from the rebuild in 0006 on; this reports rows that break it (none are expected).
SELECT * FROM pragma_foreign_key_check('orders');
-- migrator:downgrade

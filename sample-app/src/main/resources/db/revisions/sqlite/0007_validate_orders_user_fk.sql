-- migrator:revision 0007_validate_orders_user_fk
-- migrator:revises 0006_orders_user_fk
-- migrator:message validate the foreign key
-- migrator:upgrade
-- SQLite has no VALIDATE CONSTRAINT. pragma_foreign_key_check lists the orders whose user does not exist; the CHECK
-- of this scratch table makes the revision fail, and roll back, when there is any.
CREATE TEMP TABLE orders_user_fk_check (orphans integer NOT NULL CHECK (orphans = 0));
INSERT INTO orders_user_fk_check (orphans) SELECT count(*) FROM pragma_foreign_key_check('orders');
DROP TABLE orders_user_fk_check;
-- migrator:downgrade
-- Nothing to undo: the upgrade only checks.

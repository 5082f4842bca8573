-- migrator:revision 0005_orders_user_index
-- migrator:revises 0004_user_status_enum
-- migrator:message index orders by user
-- migrator:upgrade
-- SQLite has no concurrent build; the same revision id keeps both databases' histories aligned.
CREATE INDEX IF NOT EXISTS ix_orders_user_id ON orders (user_id);
-- migrator:downgrade
DROP INDEX IF EXISTS ix_orders_user_id;

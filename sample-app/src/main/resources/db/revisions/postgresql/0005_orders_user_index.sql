-- migrator:revision 0005_orders_user_index
-- migrator:revises 0004_user_status_enum
-- migrator:message index orders by user, built concurrently
-- migrator:transactional false
-- migrator:upgrade
-- CONCURRENTLY keeps writes flowing during the build; it cannot run in a transaction, hence transactional false.
-- IF NOT EXISTS makes a re-run after an interruption safe.
CREATE INDEX CONCURRENTLY IF NOT EXISTS ix_orders_user_id ON orders (user_id);
-- migrator:downgrade
DROP INDEX CONCURRENTLY IF EXISTS ix_orders_user_id;

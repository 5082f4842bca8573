-- migrator:revision 0004_user_status_enum
-- migrator:revises 0003_split_name_backfill
-- migrator:message user status, a CHECK constraint where PostgreSQL has an enum type
-- migrator:upgrade
ALTER TABLE users ADD COLUMN status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'suspended'));
-- migrator:downgrade
ALTER TABLE users DROP COLUMN status;

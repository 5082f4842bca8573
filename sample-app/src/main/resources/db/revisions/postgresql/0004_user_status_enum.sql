-- migrator:revision 0004_user_status_enum
-- migrator:revises 0003_split_name_backfill
-- migrator:message user status as an enum type
-- migrator:upgrade
CREATE TYPE user_status AS ENUM ('active', 'suspended');
-- A constant default is stored in the catalog (PostgreSQL 11+): no table rewrite.
ALTER TABLE users ADD COLUMN status user_status NOT NULL DEFAULT 'active';
-- migrator:downgrade
ALTER TABLE users DROP COLUMN status;
DROP TYPE user_status;

-- migrator:revision 0003_add_display_name
-- migrator:revises 0002_add_email
-- migrator:phase expand
-- migrator:upgrade
ALTER TABLE users ADD COLUMN display_name varchar(100);
-- migrator:downgrade
ALTER TABLE users DROP COLUMN display_name;

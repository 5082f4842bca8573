-- migrator:revision 0003_tasks_by_status
-- migrator:revises 0002_tasks_status_backfill
-- migrator:upgrade
CREATE INDEX tasks_by_status ON tasks (status);

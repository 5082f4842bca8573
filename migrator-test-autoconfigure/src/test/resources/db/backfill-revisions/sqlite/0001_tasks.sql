-- migrator:revision 0001_tasks
-- migrator:upgrade
CREATE TABLE tasks (
    id integer PRIMARY KEY AUTOINCREMENT,
    status varchar(20)
);

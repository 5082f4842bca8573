-- migrator:revision 0001_users
-- migrator:message create users
-- migrator:upgrade
CREATE TABLE users (id integer PRIMARY KEY, name varchar(100));
-- migrator:downgrade
DROP TABLE users;

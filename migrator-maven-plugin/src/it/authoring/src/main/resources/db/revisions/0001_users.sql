-- migrator:revision 0001_users
-- migrator:message create users
-- migrator:upgrade
CREATE TABLE users (id INTEGER PRIMARY KEY, name VARCHAR(100));
-- migrator:downgrade
DROP TABLE users;

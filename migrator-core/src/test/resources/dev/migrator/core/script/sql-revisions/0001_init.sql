-- migrator:revision 0001_init
-- migrator:message create users
-- migrator:upgrade
CREATE TABLE users (id int PRIMARY KEY);
-- migrator:downgrade
DROP TABLE users;

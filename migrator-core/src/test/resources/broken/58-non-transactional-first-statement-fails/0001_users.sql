-- migrator:revision 0001_users
-- migrator:transactional false
-- migrator:upgrade
CREATE INDEX users_name_idx ON users (name);
CREATE TABLE users (id integer PRIMARY KEY, name varchar(100));

-- migrator:revision 0001_users
-- migrator:message create users and roles
-- migrator:upgrade
CREATE TABLE users (id integer PRIMARY KEY, name varchar(100));
CREATE TABLE roles (id integer PRIMARY KEY, name varchar(50));
INSERT INTO roles (id, name) VALUES (1, 'admin');
INSERT INTO roles (id, name) VALUES (2 'member');
CREATE TABLE audit (id integer PRIMARY KEY);
-- migrator:downgrade
DROP TABLE audit;
DROP TABLE roles;
DROP TABLE users;

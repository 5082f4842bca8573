-- migrator:revision 0001_billing
-- migrator:message create billing
-- migrator:upgrade
CREATE TABLE billing (id integer PRIMARY KEY, name varchar(100));
-- migrator:downgrade
DROP TABLE billing;

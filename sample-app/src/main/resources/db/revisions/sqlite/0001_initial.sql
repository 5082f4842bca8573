-- migrator:revision 0001_initial
-- migrator:message users and orders
-- migrator:upgrade
CREATE TABLE users (
    id integer PRIMARY KEY AUTOINCREMENT,
    full_name varchar(200) NOT NULL,
    email varchar(255) NOT NULL UNIQUE,
    created_at text NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE TABLE orders (
    id integer PRIMARY KEY AUTOINCREMENT,
    user_id integer NOT NULL,
    total_cents integer NOT NULL,
    created_at text NOT NULL DEFAULT CURRENT_TIMESTAMP
);
-- migrator:downgrade
DROP TABLE orders;
DROP TABLE users;

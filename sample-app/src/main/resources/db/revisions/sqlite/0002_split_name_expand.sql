-- migrator:revision 0002_split_name_expand
-- migrator:revises 0001_initial
-- migrator:message split full_name, step 1 of 3: add the new columns, nullable
-- migrator:phase expand
-- migrator:upgrade
ALTER TABLE users ADD COLUMN first_name varchar(100);
ALTER TABLE users ADD COLUMN last_name varchar(100);
-- SQLite cannot drop NOT NULL in place: the table is rebuilt (create, copy, drop, rename) in this transaction.
CREATE TABLE users_new (
    id integer PRIMARY KEY AUTOINCREMENT,
    full_name varchar(200),
    email varchar(255) NOT NULL UNIQUE,
    created_at text NOT NULL DEFAULT CURRENT_TIMESTAMP,
    first_name varchar(100),
    last_name varchar(100)
);
INSERT INTO users_new (id, full_name, email, created_at, first_name, last_name)
    SELECT id, full_name, email, created_at, first_name, last_name FROM users;
-- migrator:allow drop-outside-contract SQLite rebuild: the copy replaces the table in this same transaction
DROP TABLE users;
ALTER TABLE users_new RENAME TO users;
-- migrator:downgrade
UPDATE users SET full_name = trim(coalesce(first_name, '') || ' ' || coalesce(last_name, '')) WHERE full_name IS NULL;
CREATE TABLE users_old (
    id integer PRIMARY KEY AUTOINCREMENT,
    full_name varchar(200) NOT NULL,
    email varchar(255) NOT NULL UNIQUE,
    created_at text NOT NULL DEFAULT CURRENT_TIMESTAMP
);
INSERT INTO users_old (id, full_name, email, created_at) SELECT id, full_name, email, created_at FROM users;
DROP TABLE users;
ALTER TABLE users_old RENAME TO users;

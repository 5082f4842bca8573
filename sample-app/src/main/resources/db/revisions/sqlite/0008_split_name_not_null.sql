-- migrator:revision 0008_split_name_not_null
-- migrator:revises 0007_validate_orders_user_fk
-- migrator:message split full_name, step 3 of 3: the new columns become required
-- migrator:phase contract
-- migrator:upgrade
-- Contract: an instance of the old version, which writes full_name only, could no longer insert a user.
-- Rows an instance of the old version inserted after the backfill of 0003 walked past them have no first name yet:
-- fill them as the backfill did.
UPDATE users
   SET first_name = CASE WHEN instr(full_name, ' ') > 0 THEN substr(full_name, 1, instr(full_name, ' ') - 1) ELSE full_name END,
       last_name = CASE WHEN instr(full_name, ' ') > 0 THEN substr(full_name, instr(full_name, ' ') + 1) ELSE '' END
 WHERE first_name IS NULL AND full_name IS NOT NULL;
UPDATE users SET last_name = '' WHERE last_name IS NULL;
-- SQLite cannot add NOT NULL in place: the table is rebuilt (create, copy, drop, rename) in this transaction.
CREATE TABLE users_new (
    id integer PRIMARY KEY AUTOINCREMENT,
    full_name varchar(200),
    email varchar(255) NOT NULL UNIQUE,
    created_at text NOT NULL DEFAULT CURRENT_TIMESTAMP,
    first_name varchar(100) NOT NULL,
    last_name varchar(100) NOT NULL,
    status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'suspended'))
);
INSERT INTO users_new (id, full_name, email, created_at, first_name, last_name, status)
    SELECT id, full_name, email, created_at, first_name, last_name, status FROM users;
DROP TABLE users;
ALTER TABLE users_new RENAME TO users;
-- migrator:downgrade
CREATE TABLE users_old (
    id integer PRIMARY KEY AUTOINCREMENT,
    full_name varchar(200),
    email varchar(255) NOT NULL UNIQUE,
    created_at text NOT NULL DEFAULT CURRENT_TIMESTAMP,
    first_name varchar(100),
    last_name varchar(100),
    status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'suspended'))
);
INSERT INTO users_old (id, full_name, email, created_at, first_name, last_name, status)
    SELECT id, full_name, email, created_at, first_name, last_name, status FROM users;
DROP TABLE users;
ALTER TABLE users_old RENAME TO users;

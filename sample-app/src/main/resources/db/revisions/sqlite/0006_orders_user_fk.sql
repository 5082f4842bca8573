-- migrator:revision 0006_orders_user_fk
-- migrator:revises 0005_orders_user_index
-- migrator:message foreign key from orders to users
-- migrator:upgrade
-- SQLite adds a foreign key only by rebuilding the table. The copy below checks nothing (SQLite enforces foreign
-- keys only on connections with PRAGMA foreign_keys = ON), so 0007 checks the rows, as VALIDATE does on PostgreSQL.
CREATE TABLE orders_new (
    id integer PRIMARY KEY AUTOINCREMENT,
    user_id integer NOT NULL REFERENCES users (id),
    total_cents integer NOT NULL,
    created_at text NOT NULL DEFAULT CURRENT_TIMESTAMP
);
INSERT INTO orders_new (id, user_id, total_cents, created_at) SELECT id, user_id, total_cents, created_at FROM orders;
-- migrator:allow drop-outside-contract SQLite rebuild: the copy replaces the table in this same transaction
DROP TABLE orders;
ALTER TABLE orders_new RENAME TO orders;
CREATE INDEX IF NOT EXISTS ix_orders_user_id ON orders (user_id);
-- migrator:downgrade
CREATE TABLE orders_old (
    id integer PRIMARY KEY AUTOINCREMENT,
    user_id integer NOT NULL,
    total_cents integer NOT NULL,
    created_at text NOT NULL DEFAULT CURRENT_TIMESTAMP
);
INSERT INTO orders_old (id, user_id, total_cents, created_at) SELECT id, user_id, total_cents, created_at FROM orders;
DROP TABLE orders;
ALTER TABLE orders_old RENAME TO orders;
CREATE INDEX IF NOT EXISTS ix_orders_user_id ON orders (user_id);

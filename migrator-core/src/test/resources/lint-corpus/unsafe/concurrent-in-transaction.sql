-- Unsafe cases for concurrent-in-transaction: each must be reported by that rule.
-- Written from the described behaviour of the matching squawk rules and strong_migrations checks.

-- case: concurrent build after a column change
-- expect: concurrent-in-transaction
-- squawk: ban-concurrent-index-creation-in-transaction
-- strong_migrations: add_index (disable_ddl_transaction!)
ALTER TABLE users ADD COLUMN nickname text;
CREATE INDEX CONCURRENTLY users_nickname ON users (nickname);

-- case: two concurrent builds in one transactional revision
-- expect: concurrent-in-transaction
-- squawk: ban-concurrent-index-creation-in-transaction
-- strong_migrations: add_index (disable_ddl_transaction!)
CREATE INDEX CONCURRENTLY a_idx ON users (name);
CREATE INDEX CONCURRENTLY b_idx ON orders (note);

-- case: concurrent drop next to a create table
-- expect: concurrent-in-transaction
-- squawk: ban-concurrent-index-creation-in-transaction
-- strong_migrations: remove_index (disable_ddl_transaction!)
CREATE TABLE audit (id bigint);
DROP INDEX CONCURRENTLY old_idx;

-- case: concurrent reindex next to an update
-- expect: concurrent-in-transaction
-- squawk: none
-- strong_migrations: none
UPDATE users SET name = 'x' WHERE id = 1;
REINDEX INDEX CONCURRENTLY users_pkey;

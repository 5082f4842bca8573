-- Safe cases (indexes): no rule may report any of them.
-- Each names the rule and the squawk / strong_migrations ids whose safe side it stands for.

-- case: concurrent build in its own revision
-- near: index-not-concurrent
-- squawk: require-concurrent-index-creation
-- strong_migrations: add_index
-- headers: transactional false
CREATE INDEX CONCURRENTLY users_email_idx ON users (email);

-- case: lone concurrent build in a transactional revision
-- near: index-not-concurrent
-- squawk: require-concurrent-index-creation
-- strong_migrations: add_index
CREATE INDEX CONCURRENTLY users_email_idx ON users (email);

-- case: lone unique concurrent build
-- near: index-not-concurrent
-- squawk: require-concurrent-index-creation
-- strong_migrations: add_index
CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS users_email_key ON users (email);

-- case: index on a table created in the same revision
-- near: index-not-concurrent
-- squawk: require-concurrent-index-creation
-- strong_migrations: add_index
CREATE TABLE tags (id bigint PRIMARY KEY, name text);
CREATE INDEX tags_name ON tags (name);

-- case: unique index on a new table
-- near: index-not-concurrent
-- squawk: require-concurrent-index-creation
-- strong_migrations: add_index
CREATE TABLE tags (id bigint PRIMARY KEY, name text);
CREATE UNIQUE INDEX tags_name_key ON tags (name);

-- case: several concurrent builds in a non-transactional revision
-- near: index-not-concurrent
-- squawk: require-concurrent-index-creation
-- strong_migrations: add_index
-- headers: transactional false
CREATE INDEX CONCURRENTLY a_idx ON users (name);
CREATE INDEX CONCURRENTLY b_idx ON orders (note);

-- case: concurrent reindex of an index
-- near: index-not-concurrent
-- squawk: require-concurrent-reindex
-- strong_migrations: none
-- headers: transactional false
REINDEX INDEX CONCURRENTLY users_pkey;

-- case: concurrent reindex with the option list
-- near: index-not-concurrent
-- squawk: require-concurrent-reindex
-- strong_migrations: none
-- headers: transactional false
REINDEX (CONCURRENTLY) TABLE users;

-- case: lone concurrent reindex
-- near: index-not-concurrent
-- squawk: require-concurrent-reindex
-- strong_migrations: none
REINDEX TABLE CONCURRENTLY orders;

-- case: concurrent drop
-- near: drop-index-not-concurrent
-- squawk: require-concurrent-index-deletion
-- strong_migrations: remove_index
-- headers: transactional false
DROP INDEX CONCURRENTLY users_email_idx;

-- case: lone concurrent drop if exists
-- near: drop-index-not-concurrent
-- squawk: require-concurrent-index-deletion
-- strong_migrations: remove_index
DROP INDEX CONCURRENTLY IF EXISTS users_email_idx;

-- case: drop of an index built in the same revision
-- near: drop-index-not-concurrent
-- squawk: require-concurrent-index-deletion
-- strong_migrations: remove_index
CREATE TABLE tags (id bigint, name text);
CREATE INDEX tags_name ON tags (name);
DROP INDEX tags_name;

-- case: concurrent build with other statements, non-transactional
-- near: concurrent-in-transaction
-- squawk: ban-concurrent-index-creation-in-transaction
-- strong_migrations: add_index
-- headers: transactional false
ALTER TABLE users ADD COLUMN nickname text;
CREATE INDEX CONCURRENTLY users_nickname ON users (nickname);

-- case: reindex the system catalogs, which has no concurrent form
-- near: index-not-concurrent
-- squawk: require-concurrent-reindex
-- strong_migrations: none
REINDEX SYSTEM app;

-- Unsafe cases for index-not-concurrent: each must be reported by that rule.
-- Written from the described behaviour of the matching squawk rules and strong_migrations checks.

-- case: plain index on an existing table
-- expect: index-not-concurrent
-- squawk: require-concurrent-index-creation
-- strong_migrations: add_index
CREATE INDEX users_email_idx ON users (email);

-- case: unique index on an existing table
-- expect: index-not-concurrent
-- squawk: require-concurrent-index-creation
-- strong_migrations: add_index
CREATE UNIQUE INDEX users_email_key ON users (email);

-- case: index without a name
-- expect: index-not-concurrent
-- squawk: require-concurrent-index-creation
-- strong_migrations: add_index
CREATE INDEX ON orders (user_id);

-- case: index if not exists
-- expect: index-not-concurrent
-- squawk: require-concurrent-index-creation
-- strong_migrations: add_index
CREATE INDEX IF NOT EXISTS orders_total_idx ON orders (total);

-- case: schema-qualified table with a method
-- expect: index-not-concurrent
-- squawk: require-concurrent-index-creation
-- strong_migrations: add_index
CREATE INDEX orders_note_trgm ON public.orders USING gin (note gin_trgm_ops);

-- case: expression index
-- expect: index-not-concurrent
-- squawk: require-concurrent-index-creation
-- strong_migrations: add_index
CREATE INDEX users_lower_email ON users (lower(email));

-- case: partial index
-- expect: index-not-concurrent
-- squawk: require-concurrent-index-creation
-- strong_migrations: add_index
CREATE INDEX orders_open ON orders (id) WHERE total > 0;

-- case: index on a table created by an earlier revision
-- expect: index-not-concurrent
-- squawk: require-concurrent-index-creation
-- strong_migrations: add_index
CREATE INDEX accounts_name ON accounts (name);

-- case: lower-case keywords
-- expect: index-not-concurrent
-- squawk: require-concurrent-index-creation
-- strong_migrations: add_index
create index users_age_idx on users(age);

-- case: reindex a table
-- expect: index-not-concurrent
-- squawk: require-concurrent-reindex
-- strong_migrations: none
REINDEX TABLE users;

-- case: reindex an index
-- expect: index-not-concurrent
-- squawk: require-concurrent-reindex
-- strong_migrations: none
REINDEX INDEX users_pkey;

-- case: reindex a schema
-- expect: index-not-concurrent
-- squawk: require-concurrent-reindex
-- strong_migrations: none
REINDEX SCHEMA public;

-- case: reindex the database
-- expect: index-not-concurrent
-- squawk: require-concurrent-reindex
-- strong_migrations: none
REINDEX DATABASE app;

-- case: reindex before PostgreSQL 12
-- expect: index-not-concurrent
-- squawk: require-concurrent-reindex
-- strong_migrations: none
-- postgres-version: 11
REINDEX INDEX orders_note_idx;

-- case: index on a partitioned table
-- expect: index-not-concurrent
-- squawk: require-concurrent-index-creation
-- strong_migrations: add_index
-- setup: CREATE TABLE events (id bigint, at timestamptz NOT NULL, kind text) PARTITION BY RANGE (at);
CREATE INDEX events_kind_idx ON events (kind);

-- case: concurrent index on a partitioned table, which PostgreSQL refuses
-- expect: index-not-concurrent
-- squawk: require-concurrent-index-creation
-- strong_migrations: add_index
-- headers: transactional false
-- setup: CREATE TABLE events (id bigint, at timestamptz NOT NULL, kind text) PARTITION BY RANGE (at);
CREATE INDEX CONCURRENTLY events_kind_idx ON events (kind);

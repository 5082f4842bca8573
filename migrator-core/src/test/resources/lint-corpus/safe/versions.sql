-- Safe cases (versions): statements that are safe on the PostgreSQL version the case names.
-- Each names the rule and the squawk / strong_migrations ids whose safe side it stands for.

-- case: constant default from PostgreSQL 11
-- near: add-column-volatile-default
-- squawk: adding-field-with-default
-- strong_migrations: add_column_default
-- postgres-version: 11
ALTER TABLE users ADD COLUMN status text DEFAULT 'active';

-- case: not null with a constant default on PostgreSQL 18
-- near: add-column-volatile-default
-- squawk: adding-field-with-default
-- strong_migrations: add_column_default
-- postgres-version: 18
ALTER TABLE orders ADD COLUMN items integer NOT NULL DEFAULT 0;

-- case: a null default before PostgreSQL 11 writes nothing
-- near: add-column-volatile-default
-- squawk: adding-field-with-default
-- strong_migrations: add_column_default
-- postgres-version: 10
ALTER TABLE orders ADD COLUMN notes text DEFAULT NULL;

-- case: set not null after a validated check from PostgreSQL 12
-- near: set-not-null-without-check
-- squawk: adding-not-nullable-field
-- strong_migrations: change_column_null_postgresql
-- postgres-version: 12
-- setup: ALTER TABLE users ADD CONSTRAINT users_email_nn CHECK (email IS NOT NULL) NOT VALID;
-- setup: ALTER TABLE users VALIDATE CONSTRAINT users_email_nn;
ALTER TABLE users ALTER COLUMN email SET NOT NULL;
ALTER TABLE users DROP CONSTRAINT users_email_nn;

-- case: NOT NULL constraint added not valid (PostgreSQL 18)
-- near: set-not-null-without-check
-- squawk: adding-not-nullable-field
-- strong_migrations: change_column_null
-- postgres-version: 18
ALTER TABLE users ADD CONSTRAINT users_email_not_null NOT NULL email NOT VALID;

-- case: NOT NULL constraint validated in a later revision (PostgreSQL 18)
-- near: constraint-not-valid-missing
-- squawk: adding-not-nullable-field
-- strong_migrations: change_column_null
-- postgres-version: 18
-- setup: ALTER TABLE users ADD CONSTRAINT users_email_not_null NOT NULL email NOT VALID;
ALTER TABLE users VALIDATE CONSTRAINT users_email_not_null;

-- case: set not null after a validated NOT NULL constraint (PostgreSQL 18)
-- near: set-not-null-without-check
-- squawk: adding-not-nullable-field
-- strong_migrations: change_column_null
-- postgres-version: 18
-- setup: ALTER TABLE users ADD CONSTRAINT users_name_not_null NOT NULL name NOT VALID;
-- setup: ALTER TABLE users VALIDATE CONSTRAINT users_name_not_null;
ALTER TABLE users ALTER COLUMN name SET NOT NULL;

-- case: NOT NULL constraint not valid and validated in a non-transactional revision (PostgreSQL 18)
-- near: constraint-not-valid-missing
-- squawk: adding-not-nullable-field
-- strong_migrations: change_column_null
-- postgres-version: 18
-- headers: transactional false
ALTER TABLE orders ADD CONSTRAINT orders_user_id_not_null NOT NULL user_id NOT VALID;
ALTER TABLE orders VALIDATE CONSTRAINT orders_user_id_not_null;

-- case: detach partition before PostgreSQL 14 has no concurrent form to advise
-- near: detach-partition-not-concurrent
-- squawk: require-concurrent-partition-detach
-- strong_migrations: none
-- postgres-version: 13
ALTER TABLE measurements DETACH PARTITION measurements_2020;

-- case: detach partition concurrently on PostgreSQL 16.2
-- near: detach-partition-not-concurrent
-- squawk: require-concurrent-partition-detach
-- strong_migrations: none
-- postgres-version: 16.2
-- headers: transactional false
ALTER TABLE measurements DETACH PARTITION measurements_2020 CONCURRENTLY;

-- case: reindex concurrently from PostgreSQL 12
-- near: index-not-concurrent
-- squawk: require-concurrent-reindex
-- strong_migrations: none
-- postgres-version: 12
-- headers: transactional false
REINDEX INDEX CONCURRENTLY orders_note_idx;

-- case: the parent's index alone on a partitioned table
-- near: index-not-concurrent
-- squawk: require-concurrent-index-creation
-- strong_migrations: add_index
-- setup: CREATE TABLE events (id bigint, at timestamptz NOT NULL, kind text) PARTITION BY RANGE (at);
CREATE INDEX events_kind_idx ON ONLY events (kind);

-- case: a partition's index built concurrently, then attached to the parent's
-- near: index-not-concurrent
-- squawk: require-concurrent-index-creation
-- strong_migrations: add_index
-- headers: transactional false
-- setup: CREATE TABLE events (id bigint, at timestamptz NOT NULL, kind text) PARTITION BY RANGE (at);
-- setup: CREATE TABLE events_2026 PARTITION OF events FOR VALUES FROM ('2026-01-01') TO ('2027-01-01');
-- setup: CREATE INDEX events_kind_idx ON ONLY events (kind);
CREATE INDEX CONCURRENTLY events_2026_kind_idx ON events_2026 (kind);
ALTER INDEX events_kind_idx ATTACH PARTITION events_2026_kind_idx;

-- case: an index of a partitioned table has no concurrent drop
-- near: drop-index-not-concurrent
-- squawk: require-concurrent-index-deletion
-- strong_migrations: remove_index
-- setup: CREATE TABLE events (id bigint, at timestamptz NOT NULL, kind text) PARTITION BY RANGE (at);
-- setup: CREATE INDEX events_kind_idx ON ONLY events (kind);
DROP INDEX events_kind_idx;

-- Safe cases (app-breaking): no rule may report any of them.
-- Each names the rule and the squawk / strong_migrations ids whose safe side it stands for.

-- case: rename in a contract revision
-- near: rename-outside-contract
-- squawk: renaming-column
-- strong_migrations: rename_column
-- headers: phase contract
ALTER TABLE users RENAME COLUMN name TO full_name;

-- case: rename a new table
-- near: rename-outside-contract
-- squawk: renaming-table
-- strong_migrations: rename_table
CREATE TABLE tmp_tags (id bigint);
ALTER TABLE tmp_tags RENAME TO tags;

-- case: rename a constraint
-- near: rename-outside-contract
-- squawk: renaming-column
-- strong_migrations: rename_column
ALTER TABLE orders RENAME CONSTRAINT orders_pkey TO orders_pk;

-- case: rename a schema in a contract revision
-- near: rename-outside-contract
-- squawk: none
-- strong_migrations: rename_schema
-- headers: phase contract
ALTER SCHEMA billing RENAME TO invoicing;

-- case: add an enum value
-- near: rename-outside-contract
-- squawk: none
-- strong_migrations: none
ALTER TYPE mood ADD VALUE 'calm';

-- case: rename an enum value in a contract revision
-- near: rename-outside-contract
-- squawk: none
-- strong_migrations: rename_enum_value
-- headers: phase contract
ALTER TYPE mood RENAME VALUE 'sad' TO 'unhappy';

-- case: drop a column in a contract revision
-- near: drop-outside-contract
-- squawk: ban-drop-column
-- strong_migrations: remove_column
-- headers: phase contract
ALTER TABLE users DROP COLUMN age;

-- case: drop a table in a contract revision
-- near: drop-outside-contract
-- squawk: ban-drop-table
-- strong_migrations: none
-- headers: phase contract
DROP TABLE orders;

-- case: drop a table created in the same revision
-- near: drop-outside-contract
-- squawk: ban-drop-table
-- strong_migrations: none
CREATE TABLE scratch (id bigint);
DROP TABLE scratch;

-- case: drop a schema in a contract revision
-- near: drop-outside-contract
-- squawk: none
-- strong_migrations: none
-- headers: phase contract
DROP SCHEMA billing;

-- case: drop a constraint is not a drop of a column
-- near: drop-outside-contract
-- squawk: ban-drop-column
-- strong_migrations: remove_column
ALTER TABLE orders DROP CONSTRAINT IF EXISTS orders_old_check;

-- case: truncate without cascade
-- near: truncate-cascade
-- squawk: ban-truncate-cascade
-- strong_migrations: none
-- setup: CREATE TABLE scratch (id bigint);
TRUNCATE scratch;

-- case: truncate restrict
-- near: truncate-cascade
-- squawk: ban-truncate-cascade
-- strong_migrations: none
-- setup: CREATE TABLE scratch (id bigint);
TRUNCATE TABLE scratch RESTRICT;

-- case: create a schema is not a drop of a database
-- near: drop-database
-- squawk: ban-drop-database
-- strong_migrations: none
CREATE SCHEMA billing;

-- case: detach concurrently
-- near: detach-partition-not-concurrent
-- squawk: require-concurrent-partition-detach
-- strong_migrations: none
-- headers: transactional false
ALTER TABLE measurements DETACH PARTITION measurements_2020 CONCURRENTLY;

-- case: finalize a detach
-- near: detach-partition-not-concurrent
-- squawk: require-concurrent-partition-detach
-- strong_migrations: none
-- headers: transactional false
ALTER TABLE measurements DETACH PARTITION measurements_2020 FINALIZE;

-- case: attach a partition
-- near: detach-partition-not-concurrent
-- squawk: none
-- strong_migrations: none
ALTER TABLE measurements ATTACH PARTITION measurements_2024 FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');

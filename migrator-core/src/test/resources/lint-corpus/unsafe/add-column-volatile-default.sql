-- Unsafe cases for add-column-volatile-default: each must be reported by that rule.
-- Written from the described behaviour of the matching squawk rules and strong_migrations checks.

-- case: uuid default
-- expect: add-column-volatile-default
-- squawk: adding-field-with-default
-- strong_migrations: add_column_default_callable
ALTER TABLE users ADD COLUMN token uuid DEFAULT gen_random_uuid();

-- case: random default
-- expect: add-column-volatile-default
-- squawk: adding-field-with-default
-- strong_migrations: add_column_default_callable
ALTER TABLE users ADD COLUMN r double precision DEFAULT random();

-- case: clock_timestamp default
-- expect: add-column-volatile-default
-- squawk: adding-field-with-default
-- strong_migrations: add_column_default_callable
ALTER TABLE orders ADD COLUMN seen timestamptz DEFAULT clock_timestamp();

-- case: nextval default
-- expect: add-column-volatile-default
-- squawk: adding-field-with-default
-- strong_migrations: add_column_default_callable
ALTER TABLE orders ADD COLUMN seq bigint DEFAULT nextval('orders_seq');

-- case: uuid-ossp default
-- expect: add-column-volatile-default
-- squawk: adding-field-with-default
-- strong_migrations: add_column_default_callable
ALTER TABLE users ADD COLUMN token uuid DEFAULT uuid_generate_v4();

-- case: unknown function
-- expect: add-column-volatile-default
-- squawk: adding-field-with-default
-- strong_migrations: add_column_default_callable
ALTER TABLE users ADD COLUMN code text DEFAULT make_code();

-- case: serial column
-- expect: add-column-volatile-default
-- squawk: adding-serial-primary-key-field
-- strong_migrations: add_column_auto_incrementing
ALTER TABLE orders ADD COLUMN number serial;

-- case: bigserial column
-- expect: add-column-volatile-default
-- squawk: adding-serial-primary-key-field
-- strong_migrations: add_column_auto_incrementing
ALTER TABLE orders ADD COLUMN number bigserial;

-- case: identity column
-- expect: add-column-volatile-default
-- squawk: none
-- strong_migrations: add_column_auto_incrementing
ALTER TABLE orders ADD COLUMN number bigint GENERATED ALWAYS AS IDENTITY;

-- case: stored generated column
-- expect: add-column-volatile-default
-- squawk: adding-field-with-default
-- strong_migrations: add_column_generated_stored
ALTER TABLE orders ADD COLUMN total_cents bigint GENERATED ALWAYS AS ((total * 100)::bigint) STORED;

-- case: constant default before PostgreSQL 11
-- expect: add-column-volatile-default
-- squawk: adding-field-with-default
-- strong_migrations: add_column_default
-- postgres-version: 10
ALTER TABLE users ADD COLUMN status text DEFAULT 'active';

-- case: not null with a constant default before PostgreSQL 11
-- expect: add-column-volatile-default
-- squawk: adding-field-with-default
-- strong_migrations: add_column_default
-- postgres-version: 10.23
ALTER TABLE orders ADD COLUMN items integer NOT NULL DEFAULT 0;

-- case: stable default before PostgreSQL 11
-- expect: add-column-volatile-default
-- squawk: adding-field-with-default
-- strong_migrations: add_column_default
-- postgres-version: 10
ALTER TABLE orders ADD COLUMN created_at timestamptz DEFAULT now();

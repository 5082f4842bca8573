-- Safe cases (columns): no rule may report any of them.
-- Each names the rule and the squawk / strong_migrations ids whose safe side it stands for.

-- case: nullable column
-- near: add-column-not-null-without-default
-- squawk: adding-required-field
-- strong_migrations: none
ALTER TABLE users ADD COLUMN nickname text;

-- case: not null with a constant default
-- near: add-column-not-null-without-default
-- squawk: adding-required-field
-- strong_migrations: none
ALTER TABLE users ADD COLUMN level integer NOT NULL DEFAULT 0;

-- case: not null with a string default
-- near: add-column-not-null-without-default
-- squawk: adding-required-field
-- strong_migrations: none
ALTER TABLE users ADD COLUMN status text NOT NULL DEFAULT 'active';

-- case: not null with a boolean default
-- near: add-column-not-null-without-default
-- squawk: adding-required-field
-- strong_migrations: none
ALTER TABLE users ADD COLUMN admin boolean NOT NULL DEFAULT false;

-- case: not null column on a new table
-- near: add-column-not-null-without-default
-- squawk: adding-required-field
-- strong_migrations: none
CREATE TABLE tags (id bigint);
ALTER TABLE tags ADD COLUMN name text NOT NULL;

-- case: constant default
-- near: add-column-volatile-default
-- squawk: adding-field-with-default
-- strong_migrations: add_column_default
ALTER TABLE users ADD COLUMN country text DEFAULT 'NL';

-- case: now() default
-- near: add-column-volatile-default
-- squawk: adding-field-with-default
-- strong_migrations: add_column_default
ALTER TABLE users ADD COLUMN joined timestamptz DEFAULT now();

-- case: current_timestamp default
-- near: add-column-volatile-default
-- squawk: adding-field-with-default
-- strong_migrations: add_column_default
ALTER TABLE orders ADD COLUMN placed timestamptz NOT NULL DEFAULT CURRENT_TIMESTAMP;

-- case: cast of a constant
-- near: add-column-volatile-default
-- squawk: adding-field-with-default
-- strong_migrations: add_column_default
ALTER TABLE users ADD COLUMN prefs jsonb NOT NULL DEFAULT '{}'::jsonb;

-- case: numeric default
-- near: add-column-volatile-default
-- squawk: adding-field-with-default
-- strong_migrations: add_column_default
ALTER TABLE orders ADD COLUMN discount numeric(5,2) DEFAULT 0.00;

-- case: array literal default
-- near: add-column-volatile-default
-- squawk: adding-field-with-default
-- strong_migrations: add_column_default
ALTER TABLE users ADD COLUMN tags text[] DEFAULT '{}';

-- case: default null
-- near: add-column-volatile-default
-- squawk: adding-field-with-default
-- strong_migrations: add_column_default
ALTER TABLE users ADD COLUMN middle text DEFAULT NULL;

-- case: volatile default on a new table
-- near: add-column-volatile-default
-- squawk: adding-field-with-default
-- strong_migrations: add_column_default_callable
CREATE TABLE tokens (id bigint);
ALTER TABLE tokens ADD COLUMN value uuid DEFAULT gen_random_uuid();

-- case: serial column on a new table
-- near: add-column-volatile-default
-- squawk: adding-serial-primary-key-field
-- strong_migrations: add_column_auto_incrementing
CREATE TABLE tickets (name text);
ALTER TABLE tickets ADD COLUMN id bigserial;

-- case: volatile default set for new rows only
-- near: add-column-volatile-default
-- squawk: adding-field-with-default
-- strong_migrations: add_column_default_callable
ALTER TABLE users ADD COLUMN token uuid;
ALTER TABLE users ALTER COLUMN token SET DEFAULT gen_random_uuid();

-- case: virtual generated column
-- near: add-column-volatile-default
-- squawk: adding-field-with-default
-- strong_migrations: add_column_generated_stored
ALTER TABLE orders ADD COLUMN total_cents bigint GENERATED ALWAYS AS ((total * 100)::bigint) VIRTUAL;

-- case: jsonb column
-- near: prefer-jsonb
-- squawk: none
-- strong_migrations: add_column_json
ALTER TABLE users ADD COLUMN settings jsonb;

-- case: json column in a new table
-- near: prefer-jsonb
-- squawk: none
-- strong_migrations: add_column_json
CREATE TABLE payloads (id bigint, body json);

-- case: json column added to a new table
-- near: prefer-jsonb
-- squawk: none
-- strong_migrations: add_column_json
CREATE TABLE payloads (id bigint);
ALTER TABLE payloads ADD COLUMN body json;

-- case: column named json of another type
-- near: prefer-jsonb
-- squawk: none
-- strong_migrations: add_column_json
ALTER TABLE users ADD COLUMN json_payload jsonb DEFAULT '[]';

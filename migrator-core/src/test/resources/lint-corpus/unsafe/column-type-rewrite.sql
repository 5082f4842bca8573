-- Unsafe cases for column-type-rewrite: each must be reported by that rule.
-- Written from the described behaviour of the matching squawk rules and strong_migrations checks.

-- case: integer to bigint
-- expect: column-type-rewrite
-- squawk: changing-column-type
-- strong_migrations: change_column
ALTER TABLE users ALTER COLUMN age TYPE bigint;

-- case: varchar narrowed
-- expect: column-type-rewrite
-- squawk: changing-column-type
-- strong_migrations: change_column
ALTER TABLE users ALTER COLUMN email TYPE varchar(50);

-- case: text to a limited varchar
-- expect: column-type-rewrite
-- squawk: changing-column-type
-- strong_migrations: change_column
ALTER TABLE users ALTER COLUMN name TYPE varchar(255);

-- case: numeric scale changed
-- expect: column-type-rewrite
-- squawk: changing-column-type
-- strong_migrations: change_column
ALTER TABLE users ALTER COLUMN score TYPE numeric(10,4);

-- case: timestamp to timestamptz
-- expect: column-type-rewrite
-- squawk: changing-column-type
-- strong_migrations: change_column
ALTER TABLE users ALTER COLUMN created TYPE timestamptz;

-- case: change with USING
-- expect: column-type-rewrite
-- squawk: changing-column-type
-- strong_migrations: change_column
ALTER TABLE orders ALTER COLUMN note TYPE varchar(300) USING trim(note);

-- case: SET DATA TYPE spelling to text from integer
-- expect: column-type-rewrite
-- squawk: changing-column-type
-- strong_migrations: change_column
ALTER TABLE users ALTER COLUMN age SET DATA TYPE text;

-- case: column of a table no revision declared
-- expect: column-type-rewrite
-- squawk: changing-column-type
-- strong_migrations: change_column
ALTER TABLE accounts ALTER COLUMN name TYPE text;

-- case: timestamp precision lowered
-- expect: column-type-rewrite
-- squawk: changing-column-type
-- strong_migrations: change_column
ALTER TABLE users ALTER COLUMN created TYPE timestamp(0);

-- case: binary-coercible change on a column with a check
-- expect: column-type-rewrite
-- squawk: none
-- strong_migrations: change_column_constraint
-- headers: transactional false
ALTER TABLE orders ADD CONSTRAINT orders_note_len CHECK (length(note) < 150) NOT VALID;
ALTER TABLE orders VALIDATE CONSTRAINT orders_note_len;
ALTER TABLE orders ALTER COLUMN note TYPE text;

-- case: citext on an indexed column
-- expect: column-type-rewrite
-- squawk: none
-- strong_migrations: change_column
ALTER TABLE orders ALTER COLUMN note TYPE citext;

-- case: citext on a column read by an expression index
-- expect: column-type-rewrite
-- squawk: none
-- strong_migrations: change_column
-- setup: ALTER TABLE users ADD COLUMN bio text;
-- setup: CREATE INDEX CONCURRENTLY users_bio_lower_idx ON users (lower(bio));
ALTER TABLE users ALTER COLUMN bio TYPE citext;

-- case: interval precision lowered
-- expect: column-type-rewrite
-- squawk: changing-column-type
-- strong_migrations: change_column
-- setup: ALTER TABLE users ADD COLUMN slot interval;
ALTER TABLE users ALTER COLUMN slot TYPE interval(2);

-- case: inet to cidr
-- expect: column-type-rewrite
-- squawk: changing-column-type
-- strong_migrations: change_column
-- setup: ALTER TABLE users ADD COLUMN last_ip inet;
ALTER TABLE users ALTER COLUMN last_ip TYPE cidr;

-- case: unlimited varchar given a limit
-- expect: column-type-rewrite
-- squawk: changing-column-type
-- strong_migrations: change_column
-- setup: ALTER TABLE users ADD COLUMN region varchar;
ALTER TABLE users ALTER COLUMN region TYPE varchar(20);

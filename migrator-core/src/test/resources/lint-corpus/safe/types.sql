-- Safe cases (types): no rule may report any of them.
-- Each names the rule and the squawk / strong_migrations ids whose safe side it stands for.

-- case: varchar widened
-- near: column-type-rewrite
-- squawk: changing-column-type
-- strong_migrations: change_column
ALTER TABLE users ALTER COLUMN email TYPE varchar(200);

-- case: varchar to text
-- near: column-type-rewrite
-- squawk: changing-column-type
-- strong_migrations: change_column
ALTER TABLE users ALTER COLUMN email TYPE text;

-- case: varchar limit removed
-- near: column-type-rewrite
-- squawk: changing-column-type
-- strong_migrations: change_column
ALTER TABLE users ALTER COLUMN email TYPE varchar;

-- case: text to citext without an index
-- near: column-type-rewrite
-- squawk: changing-column-type
-- strong_migrations: change_column
ALTER TABLE users ALTER COLUMN name TYPE citext;

-- case: varchar to citext without an index
-- near: column-type-rewrite
-- squawk: changing-column-type
-- strong_migrations: change_column
ALTER TABLE users ALTER COLUMN email TYPE citext;

-- case: citext back to text
-- near: column-type-rewrite
-- squawk: changing-column-type
-- strong_migrations: change_column
ALTER TABLE users ALTER COLUMN name TYPE citext;
ALTER TABLE users ALTER COLUMN name TYPE text;

-- case: varchar to text on an indexed column
-- near: column-type-rewrite
-- squawk: changing-column-type
-- strong_migrations: change_column
ALTER TABLE orders ALTER COLUMN note TYPE text;

-- case: numeric precision raised
-- near: column-type-rewrite
-- squawk: changing-column-type
-- strong_migrations: change_column
ALTER TABLE users ALTER COLUMN score TYPE numeric(14,2);

-- case: numeric limit removed
-- near: column-type-rewrite
-- squawk: changing-column-type
-- strong_migrations: change_column
ALTER TABLE users ALTER COLUMN score TYPE numeric;

-- case: timestamp precision raised
-- near: column-type-rewrite
-- squawk: changing-column-type
-- strong_migrations: change_column
ALTER TABLE users ALTER COLUMN created TYPE timestamp(6);

-- case: timestamp precision removed
-- near: column-type-rewrite
-- squawk: changing-column-type
-- strong_migrations: change_column
ALTER TABLE users ALTER COLUMN created TYPE timestamp without time zone;

-- case: same type, other spelling
-- near: column-type-rewrite
-- squawk: changing-column-type
-- strong_migrations: change_column
ALTER TABLE users ALTER COLUMN age TYPE int4;

-- case: character varying spelling
-- near: column-type-rewrite
-- squawk: changing-column-type
-- strong_migrations: change_column
ALTER TABLE orders ALTER COLUMN note SET DATA TYPE character varying(250);

-- case: cidr to inet
-- near: column-type-rewrite
-- squawk: changing-column-type
-- strong_migrations: change_column
-- setup: CREATE TABLE hosts (id bigint, addr cidr);
ALTER TABLE hosts ALTER COLUMN addr TYPE inet;

-- case: type change on a new table
-- near: column-type-rewrite
-- squawk: changing-column-type
-- strong_migrations: change_column
CREATE TABLE tags (id integer);
ALTER TABLE tags ALTER COLUMN id TYPE bigint;

-- case: varbit widened
-- near: column-type-rewrite
-- squawk: changing-column-type
-- strong_migrations: change_column
-- setup: CREATE TABLE flags (id bigint, bits varbit(32));
ALTER TABLE flags ALTER COLUMN bits TYPE bit varying(64);

-- case: time and interval precision raised up to the maximum
-- near: column-type-rewrite
-- squawk: changing-column-type
-- strong_migrations: change_column
-- setup: ALTER TABLE users ADD COLUMN opens_at time(0), ADD COLUMN slot interval(0);
ALTER TABLE users ALTER COLUMN opens_at TYPE time(3), ALTER COLUMN slot TYPE interval(3);
ALTER TABLE users ALTER COLUMN opens_at TYPE time, ALTER COLUMN slot TYPE interval;
ALTER TABLE users ALTER COLUMN opens_at TYPE time(6), ALTER COLUMN slot TYPE interval(6);

-- case: citext to unlimited varchar without an index
-- near: column-type-rewrite
-- squawk: changing-column-type
-- strong_migrations: change_column
-- setup: ALTER TABLE users ADD COLUMN handle citext;
ALTER TABLE users ALTER COLUMN handle TYPE character varying;

-- case: binary-coercible change next to a check on another column
-- near: column-type-rewrite
-- squawk: changing-column-type
-- strong_migrations: change_column_constraint
-- setup: ALTER TABLE users ADD CONSTRAINT users_age_positive CHECK (age > 0);
ALTER TABLE users ALTER COLUMN name TYPE varchar;

-- Unsafe cases for add-column-not-null-without-default: each must be reported by that rule.
-- Written from the described behaviour of the matching squawk rules and strong_migrations checks.

-- case: not null without a default
-- expect: add-column-not-null-without-default
-- squawk: adding-required-field
-- strong_migrations: none
ALTER TABLE users ADD COLUMN nickname text NOT NULL;

-- case: not null with default null
-- expect: add-column-not-null-without-default
-- squawk: adding-required-field
-- strong_migrations: none
ALTER TABLE users ADD COLUMN level integer NOT NULL DEFAULT NULL;

-- case: not null, COLUMN keyword left out
-- expect: add-column-not-null-without-default
-- squawk: adding-required-field
-- strong_migrations: none
ALTER TABLE orders ADD currency char(3) NOT NULL;

-- case: not null with a check
-- expect: add-column-not-null-without-default
-- squawk: adding-required-field
-- strong_migrations: none
ALTER TABLE orders ADD COLUMN qty integer CHECK (qty > 0) NOT NULL;

-- case: inline primary key
-- expect: add-column-not-null-without-default
-- squawk: adding-required-field
-- strong_migrations: none
ALTER TABLE events ADD COLUMN event_id bigint PRIMARY KEY;

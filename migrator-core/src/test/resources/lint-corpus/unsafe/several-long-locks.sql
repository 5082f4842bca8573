-- Unsafe cases for several-long-locks: each must be reported by that rule.
-- Written from the described behaviour of the matching squawk rules and strong_migrations checks.

-- case: two index builds in one transaction
-- expect: several-long-locks
-- squawk: none
-- strong_migrations: none
CREATE INDEX a_idx ON users (name);
CREATE INDEX b_idx ON orders (note);

-- case: a type rewrite after an index build
-- expect: several-long-locks
-- squawk: none
-- strong_migrations: none
CREATE INDEX a_idx ON users (name);
ALTER TABLE orders ALTER COLUMN user_id TYPE text;

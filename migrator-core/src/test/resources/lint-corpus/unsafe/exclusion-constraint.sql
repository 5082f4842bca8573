-- Unsafe cases for exclusion-constraint: each must be reported by that rule.
-- Written from the described behaviour of the matching squawk rules and strong_migrations checks.

-- case: exclusion on a range
-- expect: exclusion-constraint
-- squawk: none
-- strong_migrations: add_exclusion_constraint
ALTER TABLE bookings ADD CONSTRAINT no_overlap EXCLUDE USING gist (room WITH =, during WITH &&);

-- case: unnamed exclusion
-- expect: exclusion-constraint
-- squawk: none
-- strong_migrations: add_exclusion_constraint
ALTER TABLE bookings ADD EXCLUDE USING gist (during WITH &&);

-- case: exclusion with a where
-- expect: exclusion-constraint
-- squawk: none
-- strong_migrations: add_exclusion_constraint
ALTER TABLE orders ADD CONSTRAINT one_open EXCLUDE (user_id WITH =) WHERE (total > 0);

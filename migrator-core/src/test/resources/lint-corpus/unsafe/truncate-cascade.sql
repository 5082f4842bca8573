-- Unsafe cases for truncate-cascade: each must be reported by that rule.
-- Written from the described behaviour of the matching squawk rules and strong_migrations checks.

-- case: truncate cascade
-- expect: truncate-cascade
-- squawk: ban-truncate-cascade
-- strong_migrations: none
TRUNCATE users CASCADE;

-- case: truncate table several with cascade
-- expect: truncate-cascade
-- squawk: ban-truncate-cascade
-- strong_migrations: none
TRUNCATE TABLE orders, users RESTART IDENTITY CASCADE;

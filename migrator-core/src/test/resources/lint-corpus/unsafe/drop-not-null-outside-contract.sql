-- Unsafe cases for drop-not-null-outside-contract: each must be reported by that rule.
-- Written from the described behaviour of the matching squawk rules and strong_migrations checks.

-- case: drop not null
-- expect: drop-not-null-outside-contract
-- squawk: ban-drop-not-null
-- strong_migrations: none
ALTER TABLE users ALTER COLUMN email DROP NOT NULL;

-- case: drop not null without COLUMN, in an expand revision
-- expect: drop-not-null-outside-contract
-- squawk: ban-drop-not-null
-- strong_migrations: none
-- headers: phase expand
ALTER TABLE orders ALTER user_id DROP NOT NULL;

-- Unsafe cases for transaction-control: each must be reported by that rule.
-- Written from the described behaviour of the matching squawk rules and strong_migrations checks.

-- case: begin and commit
-- expect: transaction-control
-- squawk: transaction-nesting
-- strong_migrations: none
BEGIN;
ALTER TABLE users ADD COLUMN a text;
COMMIT;

-- case: commit alone
-- expect: transaction-control
-- squawk: transaction-nesting
-- strong_migrations: none
ALTER TABLE users ADD COLUMN a text;
COMMIT;

-- case: start transaction
-- expect: transaction-control
-- squawk: transaction-nesting
-- strong_migrations: none
START TRANSACTION;
ALTER TABLE users ADD COLUMN a text;

-- case: savepoint and rollback to it
-- expect: transaction-control
-- squawk: transaction-nesting
-- strong_migrations: none
SAVEPOINT before_change;
ALTER TABLE users ADD COLUMN a text;
ROLLBACK TO SAVEPOINT before_change;

-- case: rollback
-- expect: transaction-control
-- squawk: transaction-nesting
-- strong_migrations: none
ROLLBACK;

-- case: end
-- expect: transaction-control
-- squawk: transaction-nesting
-- strong_migrations: none
END;

-- Unsafe cases for whole-table-data-change: each must be reported by that rule.
-- Written from the described behaviour of the matching squawk rules and strong_migrations checks.

-- case: update every row
-- expect: whole-table-data-change
-- squawk: none
-- strong_migrations: backfilling data
UPDATE users SET name = '';

-- case: delete every row
-- expect: whole-table-data-change
-- squawk: none
-- strong_migrations: backfilling data
DELETE FROM orders;

-- case: update with a where only in a subquery
-- expect: whole-table-data-change
-- squawk: none
-- strong_migrations: backfilling data
UPDATE orders SET total = (SELECT 0 WHERE true);

-- case: update after a cte
-- expect: whole-table-data-change
-- squawk: none
-- strong_migrations: backfilling data
WITH x AS (SELECT 1) UPDATE users SET age = 0;

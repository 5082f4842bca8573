-- migrator:revision 0002_split_name_expand
-- migrator:revises 0001_initial
-- migrator:message split full_name, step 1 of 3: add the new columns, nullable
-- migrator:phase expand
-- migrator:upgrade
-- Nullable columns without a default are a catalog-only change: no table rewrite, a brief lock.
-- The old application keeps writing full_name only; 0003 and 0008 fill the new columns of its rows.
ALTER TABLE users ADD COLUMN first_name varchar(100);
ALTER TABLE users ADD COLUMN last_name varchar(100);
-- The new application stops writing full_name, so it may no longer be required (a catalog-only change).
-- migrator:allow drop-not-null-outside-contract the new code must be able to leave full_name empty before it rolls out
ALTER TABLE users ALTER COLUMN full_name DROP NOT NULL;
-- migrator:downgrade
UPDATE users SET full_name = trim(coalesce(first_name, '') || ' ' || coalesce(last_name, '')) WHERE full_name IS NULL;
ALTER TABLE users ALTER COLUMN full_name SET NOT NULL;
ALTER TABLE users DROP COLUMN last_name;
ALTER TABLE users DROP COLUMN first_name;

-- migrator:revision 0003_split_name_backfill
-- migrator:revises 0002_split_name_expand
-- migrator:message split full_name, step 2 of 3: fill the new columns from the old one
-- migrator:phase migrate
-- migrator:upgrade
-- Small tables can be filled in one statement. For large ones this becomes a batched, resumable backfill.
UPDATE users
   SET first_name = split_part(full_name, ' ', 1),
       last_name = nullif(substr(full_name, length(split_part(full_name, ' ', 1)) + 2), '')
 WHERE first_name IS NULL;
UPDATE users SET last_name = '' WHERE last_name IS NULL;
-- migrator:downgrade
UPDATE users SET first_name = NULL, last_name = NULL;

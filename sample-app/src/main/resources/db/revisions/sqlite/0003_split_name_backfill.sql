-- migrator:revision 0003_split_name_backfill
-- migrator:revises 0002_split_name_expand
-- migrator:message split full_name, step 2 of 3: fill the new columns from the old one
-- migrator:phase migrate
-- migrator:upgrade
UPDATE users
   SET first_name = CASE WHEN instr(full_name, ' ') > 0 THEN substr(full_name, 1, instr(full_name, ' ') - 1) ELSE full_name END,
       last_name = CASE WHEN instr(full_name, ' ') > 0 THEN substr(full_name, instr(full_name, ' ') + 1) ELSE '' END
 WHERE first_name IS NULL;
-- migrator:downgrade
UPDATE users SET first_name = NULL, last_name = NULL;

-- Unsafe cases for rename-outside-contract: each must be reported by that rule.
-- Written from the described behaviour of the matching squawk rules and strong_migrations checks.

-- case: rename a column
-- expect: rename-outside-contract
-- squawk: renaming-column
-- strong_migrations: rename_column
ALTER TABLE users RENAME COLUMN name TO full_name;

-- case: rename a column without COLUMN
-- expect: rename-outside-contract
-- squawk: renaming-column
-- strong_migrations: rename_column
ALTER TABLE users RENAME email TO email_address;

-- case: rename a table
-- expect: rename-outside-contract
-- squawk: renaming-table
-- strong_migrations: rename_table
ALTER TABLE orders RENAME TO purchases;

-- case: rename in an expand revision
-- expect: rename-outside-contract
-- squawk: renaming-column
-- strong_migrations: rename_column
-- headers: phase expand
ALTER TABLE orders RENAME COLUMN note TO remark;

-- case: rename a schema
-- expect: rename-outside-contract
-- squawk: none
-- strong_migrations: rename_schema
ALTER SCHEMA billing RENAME TO invoicing;

-- case: rename an enum value
-- expect: rename-outside-contract
-- squawk: none
-- strong_migrations: rename_enum_value
ALTER TYPE mood RENAME VALUE 'sad' TO 'unhappy';

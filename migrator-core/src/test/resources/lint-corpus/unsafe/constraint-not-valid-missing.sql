-- Unsafe cases for constraint-not-valid-missing: each must be reported by that rule.
-- Written from the described behaviour of the matching squawk rules and strong_migrations checks.

-- case: foreign key without not valid
-- expect: constraint-not-valid-missing
-- squawk: adding-foreign-key-constraint
-- strong_migrations: add_foreign_key
ALTER TABLE orders ADD CONSTRAINT orders_user_fk FOREIGN KEY (user_id) REFERENCES users (id);

-- case: unnamed foreign key
-- expect: constraint-not-valid-missing
-- squawk: adding-foreign-key-constraint
-- strong_migrations: add_foreign_key
ALTER TABLE orders ADD FOREIGN KEY (user_id) REFERENCES users;

-- case: check without not valid
-- expect: constraint-not-valid-missing
-- squawk: constraint-missing-not-valid
-- strong_migrations: add_check_constraint
ALTER TABLE orders ADD CONSTRAINT orders_total_pos CHECK (total >= 0);

-- case: unnamed check
-- expect: constraint-not-valid-missing
-- squawk: constraint-missing-not-valid
-- strong_migrations: add_check_constraint
ALTER TABLE users ADD CHECK (age > 0);

-- case: inline references on a new column
-- expect: constraint-not-valid-missing
-- squawk: adding-foreign-key-constraint
-- strong_migrations: add_reference
ALTER TABLE orders ADD COLUMN account_id bigint REFERENCES accounts (id);

-- case: inline references with a constraint name
-- expect: constraint-not-valid-missing
-- squawk: adding-foreign-key-constraint
-- strong_migrations: add_reference
ALTER TABLE orders ADD COLUMN shop_id bigint CONSTRAINT orders_shop_fk REFERENCES shops;

-- case: validate in the transaction that added it
-- expect: constraint-not-valid-missing
-- squawk: constraint-missing-not-valid
-- strong_migrations: validate_check_constraint
ALTER TABLE orders ADD CONSTRAINT orders_qty CHECK (total > 0) NOT VALID;
ALTER TABLE orders VALIDATE CONSTRAINT orders_qty;

-- case: validate a foreign key in the transaction that added it
-- expect: constraint-not-valid-missing
-- squawk: constraint-missing-not-valid
-- strong_migrations: validate_foreign_key
ALTER TABLE orders ADD CONSTRAINT orders_user_fk FOREIGN KEY (user_id) REFERENCES users (id) NOT VALID;
ALTER TABLE orders VALIDATE CONSTRAINT orders_user_fk;

-- case: NOT NULL table constraint without NOT VALID (PostgreSQL 18)
-- expect: constraint-not-valid-missing
-- squawk: adding-not-nullable-field
-- strong_migrations: change_column_null
-- postgres-version: 18
ALTER TABLE users ADD CONSTRAINT users_email_not_null NOT NULL email;

-- case: NOT NULL table constraint added and validated in one transaction (PostgreSQL 18)
-- expect: constraint-not-valid-missing
-- squawk: adding-not-nullable-field
-- strong_migrations: change_column_null
-- postgres-version: 18
ALTER TABLE users ADD CONSTRAINT users_email_not_null NOT NULL email NOT VALID;
ALTER TABLE users VALIDATE CONSTRAINT users_email_not_null;

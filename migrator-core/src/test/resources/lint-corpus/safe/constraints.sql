-- Safe cases (constraints): no rule may report any of them.
-- Each names the rule and the squawk / strong_migrations ids whose safe side it stands for.

-- case: foreign key not valid
-- near: constraint-not-valid-missing
-- squawk: adding-foreign-key-constraint
-- strong_migrations: add_foreign_key
ALTER TABLE orders ADD CONSTRAINT orders_user_fk FOREIGN KEY (user_id) REFERENCES users (id) NOT VALID;

-- case: validate in a later revision
-- near: constraint-not-valid-missing
-- squawk: adding-foreign-key-constraint
-- strong_migrations: validate_foreign_key
-- setup: ALTER TABLE orders ADD CONSTRAINT orders_user_fk FOREIGN KEY (user_id) REFERENCES users (id) NOT VALID;
ALTER TABLE orders VALIDATE CONSTRAINT orders_user_fk;

-- case: check not valid
-- near: constraint-not-valid-missing
-- squawk: constraint-missing-not-valid
-- strong_migrations: add_check_constraint
ALTER TABLE orders ADD CONSTRAINT orders_total_pos CHECK (total >= 0) NOT VALID;

-- case: add not valid and validate in a non-transactional revision
-- near: constraint-not-valid-missing
-- squawk: constraint-missing-not-valid
-- strong_migrations: validate_check_constraint
-- headers: transactional false
ALTER TABLE orders ADD CONSTRAINT orders_total_pos CHECK (total >= 0) NOT VALID;
ALTER TABLE orders VALIDATE CONSTRAINT orders_total_pos;

-- case: foreign key on a new table
-- near: constraint-not-valid-missing
-- squawk: adding-foreign-key-constraint
-- strong_migrations: add_foreign_key
CREATE TABLE items (id bigint, order_id bigint);
ALTER TABLE items ADD CONSTRAINT items_order_fk FOREIGN KEY (order_id) REFERENCES orders (id);

-- case: inline references in a create table
-- near: constraint-not-valid-missing
-- squawk: adding-foreign-key-constraint
-- strong_migrations: add_reference
CREATE TABLE items (id bigint PRIMARY KEY, order_id bigint REFERENCES orders (id));

-- case: inline references on a new table column
-- near: constraint-not-valid-missing
-- squawk: adding-foreign-key-constraint
-- strong_migrations: add_reference
CREATE TABLE items (id bigint);
ALTER TABLE items ADD COLUMN order_id bigint REFERENCES orders (id);

-- case: check on a new table
-- near: constraint-not-valid-missing
-- squawk: constraint-missing-not-valid
-- strong_migrations: add_check_constraint
CREATE TABLE items (id bigint, qty integer);
ALTER TABLE items ADD CONSTRAINT items_qty CHECK (qty > 0);

-- case: unique using an index built before
-- near: unique-without-index
-- squawk: disallowed-unique-constraint
-- strong_migrations: add_unique_constraint
ALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE USING INDEX users_email_key;

-- case: primary key using an index built before
-- near: unique-without-index
-- squawk: adding-serial-primary-key-field
-- strong_migrations: none
ALTER TABLE events ADD CONSTRAINT events_pkey PRIMARY KEY USING INDEX events_id_key;

-- case: unique on a new table
-- near: unique-without-index
-- squawk: disallowed-unique-constraint
-- strong_migrations: add_unique_constraint
CREATE TABLE tags (id bigint, name text);
ALTER TABLE tags ADD CONSTRAINT tags_name_key UNIQUE (name);

-- case: primary key in a create table
-- near: unique-without-index
-- squawk: adding-serial-primary-key-field
-- strong_migrations: none
CREATE TABLE tags (id bigint PRIMARY KEY, name text UNIQUE);

-- case: exclusion in a create table
-- near: exclusion-constraint
-- squawk: none
-- strong_migrations: add_exclusion_constraint
CREATE TABLE bookings (room int, during tstzrange, EXCLUDE USING gist (room WITH =, during WITH &&));

-- case: exclusion on a new table
-- near: exclusion-constraint
-- squawk: none
-- strong_migrations: add_exclusion_constraint
CREATE TABLE bookings (room int, during tstzrange);
ALTER TABLE bookings ADD CONSTRAINT no_overlap EXCLUDE USING gist (room WITH =, during WITH &&);

-- case: domain check not valid
-- near: domain-constraint-not-valid-missing
-- squawk: ban-alter-domain-with-add-constraint
-- strong_migrations: none
ALTER DOMAIN positive_int ADD CONSTRAINT positive CHECK (VALUE > 0) NOT VALID;

-- case: domain validate
-- near: domain-constraint-not-valid-missing
-- squawk: ban-alter-domain-with-add-constraint
-- strong_migrations: none
ALTER DOMAIN positive_int VALIDATE CONSTRAINT positive;

-- case: create a domain with a check
-- near: domain-constraint-not-valid-missing
-- squawk: ban-create-domain-with-constraint
-- strong_migrations: none
CREATE DOMAIN positive_int AS integer CHECK (VALUE > 0);

-- case: drop a domain constraint
-- near: domain-constraint-not-valid-missing
-- squawk: none
-- strong_migrations: none
ALTER DOMAIN positive_int DROP CONSTRAINT positive;

-- case: foreign key added not valid then validated, each statement committing on its own
-- near: constraint-not-valid-missing
-- squawk: constraint-missing-not-valid
-- strong_migrations: add_foreign_key
-- headers: transactional false
ALTER TABLE orders ADD CONSTRAINT orders_buyer_fk FOREIGN KEY (buyer_id) REFERENCES users (id) NOT VALID;
ALTER TABLE orders VALIDATE CONSTRAINT orders_buyer_fk;

-- case: check added not valid then validated, each statement committing on its own
-- near: constraint-not-valid-missing
-- squawk: constraint-missing-not-valid
-- strong_migrations: add_check_constraint
-- headers: transactional false
ALTER TABLE orders ADD CONSTRAINT orders_total_positive CHECK (total >= 0) NOT VALID;
ALTER TABLE orders VALIDATE CONSTRAINT orders_total_positive;

-- case: unique index built concurrently then attached, each statement committing on its own
-- near: unique-without-index
-- squawk: disallowed-unique-constraint
-- strong_migrations: add_unique_constraint
-- headers: transactional false
CREATE UNIQUE INDEX CONCURRENTLY users_handle_key ON users (handle);
ALTER TABLE users ADD CONSTRAINT users_handle_key UNIQUE USING INDEX users_handle_key;

-- case: primary key swapped to an index built concurrently
-- near: unique-without-index
-- squawk: adding-serial-primary-key-field
-- strong_migrations: none
-- headers: transactional false
CREATE UNIQUE INDEX CONCURRENTLY users_uid_key ON users (uid);
ALTER TABLE users DROP CONSTRAINT users_pkey, ADD CONSTRAINT users_pkey PRIMARY KEY USING INDEX users_uid_key;

-- case: deferrable unique constraint attached to an index built earlier
-- near: unique-without-index
-- squawk: disallowed-unique-constraint
-- strong_migrations: add_unique_constraint
-- setup: CREATE UNIQUE INDEX CONCURRENTLY users_name_key ON users (name);
ALTER TABLE users ADD CONSTRAINT users_name_key UNIQUE USING INDEX users_name_key DEFERRABLE;

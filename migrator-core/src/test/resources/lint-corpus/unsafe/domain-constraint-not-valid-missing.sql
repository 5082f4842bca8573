-- Unsafe cases for domain-constraint-not-valid-missing: each must be reported by that rule.
-- Written from the described behaviour of the matching squawk rules and strong_migrations checks.

-- case: domain check
-- expect: domain-constraint-not-valid-missing
-- squawk: ban-alter-domain-with-add-constraint
-- strong_migrations: none
ALTER DOMAIN positive_int ADD CONSTRAINT positive CHECK (VALUE > 0);

-- case: unnamed domain check
-- expect: domain-constraint-not-valid-missing
-- squawk: ban-alter-domain-with-add-constraint
-- strong_migrations: none
ALTER DOMAIN email_address ADD CHECK (VALUE LIKE '%@%');

-- case: domain not null
-- expect: domain-constraint-not-valid-missing
-- squawk: ban-alter-domain-with-add-constraint
-- strong_migrations: none
ALTER DOMAIN code ADD CONSTRAINT code_nn NOT NULL;

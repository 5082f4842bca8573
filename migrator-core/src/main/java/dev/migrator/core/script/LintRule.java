package dev.migrator.core.script;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The catalogue of lint rules: stable ids, as written in {@code -- migrator:allow}
 * comments, reports and the rule reference ({@code docs/reference/lint-rules.md}). An id
 * never changes meaning and is never reused.
 */
public enum LintRule {

	INDEX_NOT_CONCURRENT("index-not-concurrent", "CREATE INDEX or REINDEX without CONCURRENTLY on an existing table",
			Severity.ERROR, true),

	CONCURRENT_IN_TRANSACTION("concurrent-in-transaction", "CONCURRENTLY inside a transactional revision",
			Severity.ERROR, true),

	ADD_COLUMN_NOT_NULL_WITHOUT_DEFAULT("add-column-not-null-without-default",
			"ADD COLUMN ... NOT NULL without a default on an existing table", Severity.ERROR, false),

	ADD_COLUMN_VOLATILE_DEFAULT("add-column-volatile-default",
			"ADD COLUMN with a volatile default, which rewrites the table", Severity.ERROR, true),

	SET_NOT_NULL_WITHOUT_CHECK("set-not-null-without-check",
			"SET NOT NULL without a validated CHECK (column IS NOT NULL)", Severity.ERROR, true),

	COLUMN_TYPE_REWRITE("column-type-rewrite", "ALTER COLUMN ... TYPE that rewrites the table", Severity.ERROR, true),

	CONSTRAINT_NOT_VALID_MISSING("constraint-not-valid-missing",
			"ADD FOREIGN KEY or ADD CHECK without NOT VALID on an existing table", Severity.ERROR, true),

	UNIQUE_WITHOUT_INDEX("unique-without-index",
			"ADD UNIQUE or ADD PRIMARY KEY without USING INDEX on an existing table", Severity.ERROR, true),

	RENAME_OUTSIDE_CONTRACT("rename-outside-contract",
			"RENAME COLUMN or RENAME TABLE in a revision that is not contract", Severity.ERROR, false),

	DROP_OUTSIDE_CONTRACT("drop-outside-contract", "DROP COLUMN or DROP TABLE in a revision that is not contract",
			Severity.ERROR, false),

	SEVERAL_LONG_LOCKS("several-long-locks", "Several long-lock statements in one transaction", Severity.WARNING, true),

	WHOLE_TABLE_DATA_CHANGE("whole-table-data-change", "UPDATE or DELETE of a whole table in a schema revision",
			Severity.WARNING, false),

	TABLE_REWRITE_COMMAND("table-rewrite-command",
			"VACUUM FULL or CLUSTER, which rewrite a table under an exclusive lock", Severity.ERROR, true),

	LOCK_TABLE("lock-table", "LOCK TABLE in a revision", Severity.ERROR, true),

	DROP_INDEX_NOT_CONCURRENT("drop-index-not-concurrent", "DROP INDEX without CONCURRENTLY", Severity.ERROR, true),

	EXCLUSION_CONSTRAINT("exclusion-constraint", "ADD CONSTRAINT ... EXCLUDE on an existing table", Severity.ERROR,
			true),

	DETACH_PARTITION_NOT_CONCURRENT("detach-partition-not-concurrent", "DETACH PARTITION without CONCURRENTLY",
			Severity.ERROR, true, false, 14),

	DOMAIN_CONSTRAINT_NOT_VALID_MISSING("domain-constraint-not-valid-missing",
			"ALTER DOMAIN ... ADD CONSTRAINT without NOT VALID", Severity.ERROR, true),

	DROP_NOT_NULL_OUTSIDE_CONTRACT("drop-not-null-outside-contract",
			"ALTER COLUMN ... DROP NOT NULL in a revision that is not contract", Severity.WARNING, true),

	TRUNCATE_CASCADE("truncate-cascade", "TRUNCATE ... CASCADE, which empties every referencing table", Severity.ERROR,
			true),

	DROP_DATABASE("drop-database", "DROP DATABASE in a revision", Severity.ERROR, true),

	PREFER_JSONB("prefer-jsonb", "A json column on an existing table, which breaks DISTINCT, UNION and GROUP BY",
			Severity.ERROR, true),

	TRANSACTION_CONTROL("transaction-control", "BEGIN, COMMIT, ROLLBACK or SAVEPOINT in a revision", Severity.ERROR,
			false),

	PREFER_BIGINT("prefer-bigint", "An integer or smallint key column, which can run out of values", Severity.WARNING,
			true, true),

	PREFER_IDENTITY("prefer-identity", "A serial column where an identity column would do", Severity.WARNING, true,
			true),

	PREFER_TIMESTAMPTZ("prefer-timestamptz", "A timestamp column without time zone", Severity.WARNING, true, true),

	PREFER_TEXT("prefer-text", "A varchar(n) or char(n) column where text would do", Severity.WARNING, true, true);

	/**
	 * Where every rule is described, relative to the repository root; the anchor is the
	 * rule id.
	 */
	public static final String REFERENCE = "docs/reference/lint-rules.md";

	private final String id;

	private final String title;

	private final Severity severity;

	private final boolean postgresqlOnly;

	private final boolean optIn;

	private final int postgresSince;

	LintRule(String id, String title, Severity severity, boolean postgresqlOnly) {
		this(id, title, severity, postgresqlOnly, false);
	}

	LintRule(String id, String title, Severity severity, boolean postgresqlOnly, boolean optIn) {
		this(id, title, severity, postgresqlOnly, optIn, 0);
	}

	LintRule(String id, String title, Severity severity, boolean postgresqlOnly, boolean optIn, int postgresSince) {
		this.id = id;
		this.title = title;
		this.severity = severity;
		this.postgresqlOnly = postgresqlOnly;
		this.optIn = optIn;
		this.postgresSince = postgresSince;
	}

	/**
	 * The first PostgreSQL major version the rule applies to, or {@code 0} when it
	 * applies to every version: {@code detach-partition-not-concurrent} advises a form
	 * that exists only from 14, so below it there is nothing safer to say. Rules whose
	 * advice, not whether they apply, changes with the version decide that themselves.
	 */
	public int postgresSince() {
		return this.postgresSince;
	}

	/** Whether the rule applies to the given PostgreSQL major version. */
	public boolean appliesToPostgres(int major) {
		return major >= this.postgresSince;
	}

	/**
	 * Whether the rule is a hygiene rule, off unless enabled
	 * ({@code migrator.lint.enable}): it reports a habit, not a lock or a breakage.
	 */
	public boolean optIn() {
		return this.optIn;
	}

	/** The stable id, such as {@code index-not-concurrent}. */
	public String id() {
		return this.id;
	}

	/** What the rule catches, in one line. */
	public String title() {
		return this.title;
	}

	public Severity severity() {
		return this.severity;
	}

	/**
	 * Whether the rule means anything for the dialect. Rules about PostgreSQL's lock
	 * levels, {@code CONCURRENTLY}, {@code NOT VALID} and table rewrites do not apply to
	 * SQLite, which locks the whole database for every write and has no such syntax.
	 */
	public boolean appliesTo(String dialect) {
		return !this.postgresqlOnly || "postgresql".equals(dialect);
	}

	/** The rule's section of the rule reference. */
	public String helpUri() {
		return REFERENCE + "#" + this.id;
	}

	public static Optional<LintRule> byId(String id) {
		return Arrays.stream(values()).filter((rule) -> rule.id.equals(id)).findFirst();
	}

	/** Every rule id, in catalogue order. */
	public static List<String> ids() {
		return Arrays.stream(values()).map(LintRule::id).toList();
	}

}

package dev.migrator.core.error;

// Over 300 lines: one documented constant per error code: the whole catalog is the point.
/**
 * The catalog of error codes: each failure the engine raises carries one, and its
 * spelling is a contract (scripts and alerts match on it), so a code is written here once
 * and nowhere else. docs/reference lists what each means where it is raised.
 */
public enum ErrorCode {

	/** {@code allow-outside-section} */
	ALLOW_OUTSIDE_SECTION("allow-outside-section"),

	/** {@code allow-without-reason} */
	ALLOW_WITHOUT_REASON("allow-without-reason"),

	/** {@code allow-without-statement} */
	ALLOW_WITHOUT_STATEMENT("allow-without-statement"),

	/** {@code ambiguous-branch-label} */
	AMBIGUOUS_BRANCH_LABEL("ambiguous-branch-label"),

	/** {@code ambiguous-relative-target} */
	AMBIGUOUS_RELATIVE_TARGET("ambiguous-relative-target"),

	/** {@code ambiguous-target} */
	AMBIGUOUS_TARGET("ambiguous-target"),

	/** {@code baseline-already-migrated} */
	BASELINE_ALREADY_MIGRATED("baseline-already-migrated"),

	/** {@code baseline-empty-schema} */
	BASELINE_EMPTY_SCHEMA("baseline-empty-schema"),

	/** {@code baseline-output-conflict} */
	BASELINE_OUTPUT_CONFLICT("baseline-output-conflict"),

	/** {@code baseline-unreadable-object} */
	BASELINE_UNREADABLE_OBJECT("baseline-unreadable-object"),

	/** {@code backfill-failed} */
	BACKFILL_FAILED("backfill-failed"),

	/** {@code backfill-key-missing} */
	BACKFILL_KEY_MISSING("backfill-key-missing"),

	/** {@code backfill-key-nullable} */
	BACKFILL_KEY_NULLABLE("backfill-key-nullable"),

	/** {@code backfill-revision-not-applied} */
	BACKFILL_REVISION_NOT_APPLIED("backfill-revision-not-applied"),

	/** {@code backfill-state} */
	BACKFILL_STATE("backfill-state"),

	/** {@code backfill-table-missing} */
	BACKFILL_TABLE_MISSING("backfill-table-missing"),

	/** {@code backfill-without-name} */
	BACKFILL_WITHOUT_NAME("backfill-without-name"),

	/** {@code check-failed} */
	CHECK_FAILED("check-failed"),

	/** {@code checksum-mismatch} */
	CHECKSUM_MISMATCH("checksum-mismatch"),

	/** {@code class-not-loadable} */
	CLASS_NOT_LOADABLE("class-not-loadable"),

	/** {@code client-registry} */
	CLIENT_REGISTRY("client-registry"),

	/** {@code clients-table-unreadable} */
	CLIENTS_TABLE_UNREADABLE("clients-table-unreadable"),

	/** {@code contract-blocked} */
	CONTRACT_BLOCKED("contract-blocked"),

	/** {@code database-error} */
	DATABASE_ERROR("database-error"),

	/** {@code database-not-up-to-date} */
	DATABASE_NOT_UP_TO_DATE("database-not-up-to-date"),

	/** {@code desired-schema-failed} */
	DESIRED_SCHEMA_FAILED("desired-schema-failed"),

	/** {@code downgrade-before-upgrade} */
	DOWNGRADE_BEFORE_UPGRADE("downgrade-before-upgrade"),

	/** {@code drift-copy-escaped} */
	DRIFT_COPY_ESCAPED("drift-copy-escaped"),

	/** {@code drift-database-changed} */
	DRIFT_DATABASE_CHANGED("drift-database-changed"),

	/** {@code duplicate-backfill} */
	DUPLICATE_BACKFILL("duplicate-backfill"),

	/** {@code duplicate-branch-label} */
	DUPLICATE_BRANCH_LABEL("duplicate-branch-label"),

	/** {@code duplicate-header-key} */
	DUPLICATE_HEADER_KEY("duplicate-header-key"),

	/** {@code duplicate-list-entry} */
	DUPLICATE_LIST_ENTRY("duplicate-list-entry"),

	/** {@code duplicate-revision} */
	DUPLICATE_REVISION("duplicate-revision"),

	/** {@code duplicate-section} */
	DUPLICATE_SECTION("duplicate-section"),

	/** {@code empty-list-entry} */
	EMPTY_LIST_ENTRY("empty-list-entry"),

	/** {@code empty-upgrade-section} */
	EMPTY_UPGRADE_SECTION("empty-upgrade-section"),

	/** {@code fleet-failed} */
	FLEET_FAILED("fleet-failed"),

	/** {@code fleet-schema-missing} */
	FLEET_SCHEMA_MISSING("fleet-schema-missing"),

	/** {@code fleet-targets-invalid} */
	FLEET_TARGETS_INVALID("fleet-targets-invalid"),

	/** {@code forward-only} */
	FORWARD_ONLY("forward-only"),

	/** {@code header-in-section} */
	HEADER_IN_SECTION("header-in-section"),

	/** {@code incomplete-backfill} */
	INCOMPLETE_BACKFILL("incomplete-backfill"),

	/** {@code interrupted} */
	INTERRUPTED("interrupted"),

	/** {@code invalid-backfill-key} */
	INVALID_BACKFILL_KEY("invalid-backfill-key"),

	/** {@code invalid-backfill-name} */
	INVALID_BACKFILL_NAME("invalid-backfill-name"),

	/** {@code invalid-backfill-set} */
	INVALID_BACKFILL_SET("invalid-backfill-set"),

	/** {@code invalid-backfill-table} */
	INVALID_BACKFILL_TABLE("invalid-backfill-table"),

	/** {@code invalid-batch-size} */
	INVALID_BATCH_SIZE("invalid-batch-size"),

	/** {@code invalid-boolean} */
	INVALID_BOOLEAN("invalid-boolean"),

	/** {@code invalid-branch-label} */
	INVALID_BRANCH_LABEL("invalid-branch-label"),

	/** {@code invalid-column} */
	INVALID_COLUMN("invalid-column"),

	/** {@code import-already-migrated} */
	IMPORT_ALREADY_MIGRATED("import-already-migrated"),

	/** {@code import-checksum-mismatch} */
	IMPORT_CHECKSUM_MISMATCH("import-checksum-mismatch"),

	/** {@code import-duplicate-version} */
	IMPORT_DUPLICATE_VERSION("import-duplicate-version"),

	/** {@code import-failed-migration} */
	IMPORT_FAILED_MIGRATION("import-failed-migration"),

	/** {@code import-java-migration} */
	IMPORT_JAVA_MIGRATION("import-java-migration"),

	/** {@code import-missing-file} */
	IMPORT_MISSING_FILE("import-missing-file"),

	/** {@code import-no-history} */
	IMPORT_NO_HISTORY("import-no-history"),

	/** {@code import-out-of-order} */
	IMPORT_OUT_OF_ORDER("import-out-of-order"),

	/** {@code import-output-conflict} */
	IMPORT_OUTPUT_CONFLICT("import-output-conflict"),

	/** {@code import-unknown-placeholder} */
	IMPORT_UNKNOWN_PLACEHOLDER("import-unknown-placeholder"),

	/** {@code import-unsupported} */
	IMPORT_UNSUPPORTED("import-unsupported"),

	/** {@code invalid-configuration} */
	INVALID_CONFIGURATION("invalid-configuration"),

	/** {@code invalid-default} */
	INVALID_DEFAULT("invalid-default"),

	/** {@code invalid-duration} */
	INVALID_DURATION("invalid-duration"),

	/** {@code invalid-encoding} */
	INVALID_ENCODING("invalid-encoding"),

	/** {@code invalid-head} */
	INVALID_HEAD("invalid-head"),

	/** {@code invalid-identifier} */
	INVALID_IDENTIFIER("invalid-identifier"),

	/** {@code invalid-java-package} */
	INVALID_JAVA_PACKAGE("invalid-java-package"),

	/** {@code invalid-location} */
	INVALID_LOCATION("invalid-location"),

	/** {@code invalid-max-lag} */
	INVALID_MAX_LAG("invalid-max-lag"),

	/** {@code invalid-merge} */
	INVALID_MERGE("invalid-merge"),

	/** {@code invalid-naming-convention} */
	INVALID_NAMING_CONVENTION("invalid-naming-convention"),

	/** {@code invalid-operation} */
	INVALID_OPERATION("invalid-operation"),

	/** {@code invalid-package} */
	INVALID_PACKAGE("invalid-package"),

	/** {@code invalid-phase} */
	INVALID_PHASE("invalid-phase"),

	/** {@code invalid-range} */
	INVALID_RANGE("invalid-range"),

	/** {@code invalid-repeatable} */
	INVALID_REPEATABLE("invalid-repeatable"),

	/** {@code invalid-revision-id} */
	INVALID_REVISION_ID("invalid-revision-id"),

	/** {@code invalid-target} */
	INVALID_TARGET("invalid-target"),

	/** {@code invalid-type} */
	INVALID_TYPE("invalid-type"),

	/** {@code invalid-value} */
	INVALID_VALUE("invalid-value"),

	/** {@code irreversible} */
	IRREVERSIBLE("irreversible"),

	/** {@code java-migration-not-created} */
	JAVA_MIGRATION_NOT_CREATED("java-migration-not-created"),

	/** {@code lint-failed} */
	LINT_FAILED("lint-failed"),

	/** {@code lint-report-not-written} */
	LINT_REPORT_NOT_WRITTEN("lint-report-not-written"),

	/** {@code location-not-found} */
	LOCATION_NOT_FOUND("location-not-found"),

	/** {@code malformed-header} */
	MALFORMED_HEADER("malformed-header"),

	/** {@code migration-failed} */
	MIGRATION_FAILED("migration-failed"),

	/** {@code missing-java-package} */
	MISSING_JAVA_PACKAGE("missing-java-package"),

	/** {@code missing-message} */
	MISSING_MESSAGE("missing-message"),

	/** {@code missing-no-arg-constructor} */
	MISSING_NO_ARG_CONSTRUCTOR("missing-no-arg-constructor"),

	/** {@code missing-revision-annotation} */
	MISSING_REVISION_ANNOTATION("missing-revision-annotation"),

	/** {@code missing-revision-header} */
	MISSING_REVISION_HEADER("missing-revision-header"),

	/** {@code missing-upgrade-section} */
	MISSING_UPGRADE_SECTION("missing-upgrade-section"),

	/** {@code multiple-heads} */
	MULTIPLE_HEADS("multiple-heads"),

	/** {@code needs-autocommit} */
	NEEDS_AUTOCOMMIT("needs-autocommit"),

	/** {@code no-data-source} */
	NO_DATA_SOURCE("no-data-source"),

	/** {@code no-dialect} */
	NO_DIALECT("no-dialect"),

	/** {@code no-such-table} */
	NO_SUCH_TABLE("no-such-table"),

	/** {@code nothing-to-merge} */
	NOTHING_TO_MERGE("nothing-to-merge"),

	/** {@code nothing-to-repair} */
	NOTHING_TO_REPAIR("nothing-to-repair"),

	/** {@code nothing-to-resolve} */
	NOTHING_TO_RESOLVE("nothing-to-resolve"),

	/** {@code offline-unsupported} */
	OFFLINE_UNSUPPORTED("offline-unsupported"),

	/** {@code operation-failed} */
	OPERATION_FAILED("operation-failed"),

	/** {@code package-not-found} */
	PACKAGE_NOT_FOUND("package-not-found"),

	/** {@code part-way-revision} */
	PART_WAY_REVISION("part-way-revision"),

	/** {@code relative-below-base} */
	RELATIVE_BELOW_BASE("relative-below-base"),

	/** {@code relative-out-of-range} */
	RELATIVE_OUT_OF_RANGE("relative-out-of-range"),

	/** {@code replica-lag-error} */
	REPLICA_LAG_ERROR("replica-lag-error"),

	/** {@code reserved-revision-id} */
	RESERVED_REVISION_ID("reserved-revision-id"),

	/** {@code revision-cycle} */
	REVISION_CYCLE("revision-cycle"),

	/** {@code revision-file-exists} */
	REVISION_FILE_EXISTS("revision-file-exists"),

	/** {@code revision-not-written} */
	REVISION_NOT_WRITTEN("revision-not-written"),

	/** {@code run-lock-timeout} */
	RUN_LOCK_TIMEOUT("run-lock-timeout"),

	/** {@code schema-drift} */
	SCHEMA_DRIFT("schema-drift"),

	/** {@code schema-file-unreadable} */
	SCHEMA_FILE_UNREADABLE("schema-file-unreadable"),

	/** {@code scratch-database} */
	SCRATCH_DATABASE("scratch-database"),

	/** {@code self-reference} */
	SELF_REFERENCE("self-reference"),

	/** {@code sql-before-upgrade} */
	SQL_BEFORE_UPGRADE("sql-before-upgrade"),

	/** {@code sqlite-rebuild-needs-autocommit} */
	SQLITE_REBUILD_NEEDS_AUTOCOMMIT("sqlite-rebuild-needs-autocommit"),

	/** {@code sqlite-rebuild-unreadable} */
	SQLITE_REBUILD_UNREADABLE("sqlite-rebuild-unreadable"),

	/** {@code statement-changed-after-it-ran} */
	STATEMENT_CHANGED_AFTER_IT_RAN("statement-changed-after-it-ran"),

	/** {@code statement-outcome-unknown} */
	STATEMENT_OUTCOME_UNKNOWN("statement-outcome-unknown"),

	/** {@code target-not-applied} */
	TARGET_NOT_APPLIED("target-not-applied"),

	/** {@code transaction-control-in-revision} */
	TRANSACTION_CONTROL_IN_REVISION("transaction-control-in-revision"),

	/** {@code unknown-backfill} */
	UNKNOWN_BACKFILL("unknown-backfill"),

	/** {@code unknown-branch-label} */
	UNKNOWN_BRANCH_LABEL("unknown-branch-label"),

	/** {@code unknown-database-revision} */
	UNKNOWN_DATABASE_REVISION("unknown-database-revision"),

	/** {@code unknown-dialect} */
	UNKNOWN_DIALECT("unknown-dialect"),

	/** {@code unknown-directive} */
	UNKNOWN_DIRECTIVE("unknown-directive"),

	/** {@code unknown-header-key} */
	UNKNOWN_HEADER_KEY("unknown-header-key"),

	/** {@code unknown-lint-rule} */
	UNKNOWN_LINT_RULE("unknown-lint-rule"),

	/** {@code unknown-placeholder} */
	UNKNOWN_PLACEHOLDER("unknown-placeholder"),

	/** {@code unknown-revision} */
	UNKNOWN_REVISION("unknown-revision"),

	/** {@code unknown-target} */
	UNKNOWN_TARGET("unknown-target"),

	/** {@code unreadable-location} */
	UNREADABLE_LOCATION("unreadable-location"),

	/** {@code unsupported-by-dialect} */
	UNSUPPORTED_BY_DIALECT("unsupported-by-dialect"),

	/** {@code unsupported-database} */
	UNSUPPORTED_DATABASE("unsupported-database"),

	/** {@code unterminated-block} */
	UNTERMINATED_BLOCK("unterminated-block"),

	/** {@code unterminated-block-comment} */
	UNTERMINATED_BLOCK_COMMENT("unterminated-block-comment"),

	/** {@code unterminated-dollar-quote} */
	UNTERMINATED_DOLLAR_QUOTE("unterminated-dollar-quote"),

	/** {@code unterminated-quoted-identifier} */
	UNTERMINATED_QUOTED_IDENTIFIER("unterminated-quoted-identifier"),

	/** {@code unterminated-string} */
	UNTERMINATED_STRING("unterminated-string"),

	/** {@code unknown-parent} */
	UNKNOWN_PARENT("unknown-parent"),

	/** {@code unknown-dependency} */
	UNKNOWN_DEPENDENCY("unknown-dependency");

	private final String code;

	ErrorCode(String code) {
		this.code = code;
	}

	/**
	 * The code as {@link MigratorException#code()} reports it, such as
	 * {@code revision-cycle}.
	 */
	public String code() {
		return this.code;
	}

	@Override
	public String toString() {
		return this.code;
	}

}

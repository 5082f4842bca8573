package dev.migrator.core.script;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The keys a SQL revision file's header may use. A new header key is a new constant here
 * and a case where {@link SqlRevisionParser} stores its value.
 */
enum SqlHeaderKey {

	REVISION("revision", "0003_add_display_name"),

	REVISES("revises", "0002_initial_users"),

	MESSAGE("message", "add display name"),

	PHASE("phase", "expand"),

	TRANSACTIONAL("transactional", "false"),

	BRANCH_LABELS("branch-labels", "users"),

	DEPENDS_ON("depends-on", "0001_billing"),

	LOCK_TIMEOUT("lock-timeout", "2s"),

	STATEMENT_TIMEOUT("statement-timeout", "5min"),

	BACKFILL("backfill", "users_status"),

	BACKFILL_TABLE("backfill-table", "users"),

	BACKFILL_KEY("backfill-key", "id"),

	BACKFILL_SET("backfill-set", "status = 'active'"),

	BACKFILL_WHERE("backfill-where", "status IS NULL"),

	BACKFILL_BATCH_SIZE("backfill-batch-size", "100-10000"),

	BACKFILL_TARGET_DURATION("backfill-target-duration", "50ms"),

	BACKFILL_PAUSE("backfill-pause", "100ms"),

	BACKFILL_MAX_LAG("backfill-max-lag", "16MB, 10s"),

	PLACEHOLDERS("placeholders", "false"),

	REPEATABLE("repeatable", "true");

	private final String label;

	private final String example;

	SqlHeaderKey(String label, String example) {
		this.label = label;
		this.example = example;
	}

	String label() {
		return this.label;
	}

	/** The header line written out with a typical value, for error messages. */
	String exampleLine() {
		return "-- migrator:" + this.label + " " + this.example;
	}

	/** Whether the value is a comma-separated list. */
	boolean isList() {
		return this == REVISES || this == BRANCH_LABELS || this == DEPENDS_ON || this == BACKFILL_KEY;
	}

	/**
	 * Whether the key belongs to a backfill declaration, read by {@link BackfillHeader}.
	 */
	boolean isBackfill() {
		return this.label.equals("backfill") || this.label.startsWith("backfill-");
	}

	static Optional<SqlHeaderKey> of(String label) {
		return Arrays.stream(values()).filter((key) -> key.label.equals(label)).findFirst();
	}

	static List<String> labels() {
		return Arrays.stream(values()).map(SqlHeaderKey::label).toList();
	}

}

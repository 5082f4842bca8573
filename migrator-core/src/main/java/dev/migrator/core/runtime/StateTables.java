package dev.migrator.core.runtime;

import java.util.Optional;

/**
 * Where the engine keeps its state.
 *
 * @param schema the schema of both tables; empty for the connection's default
 * @param versionTable the table with one row per applied head
 * @param historyTable the append-only audit table
 */
public record StateTables(Optional<String> schema, String versionTable, String historyTable) {

	public static final String DEFAULT_VERSION_TABLE = "migrator_version";

	public static final String DEFAULT_HISTORY_TABLE = "migrator_history";

	public static StateTables defaults() {
		return new StateTables(Optional.empty(), DEFAULT_VERSION_TABLE, DEFAULT_HISTORY_TABLE);
	}

	/**
	 * The table that records which statements of a revision that commits as it goes have
	 * run: the version table's name with {@code _progress} appended.
	 */
	public String progressTable() {
		return this.versionTable + "_progress";
	}

	/**
	 * The name the run lock is derived from, so runners on different version tables do
	 * not block each other.
	 */
	public String lockName() {
		return this.schema.map((s) -> s + ".").orElse("") + this.versionTable;
	}

}

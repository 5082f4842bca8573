package dev.migrator.core.baseline;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The tables a baseline leaves out, with their indexes, constraints, triggers and
 * sequences: migrator's own ({@code migrator_*} and the configured state tables) and the
 * version tables of the tools a database comes from (Flyway, Liquibase, Alembic), which
 * are bookkeeping, not schema.
 */
public final class ExcludedTables {

	/** Flyway's, Liquibase's and Alembic's version tables under their default names. */
	public static final List<String> OTHER_TOOLS = List.of("flyway_schema_history", "databasechangelog",
			"databasechangeloglock", "alembic_version");

	private static final String OWN_PREFIX = "migrator_";

	private final Set<String> names;

	/**
	 * @param stateTables the names of migrator's state tables as configured
	 */
	public ExcludedTables(List<String> stateTables) {
		this.names = Stream.concat(stateTables.stream(), OTHER_TOOLS.stream())
			.map(ExcludedTables::key)
			.collect(Collectors.toUnmodifiableSet());
	}

	/** Whether the table (or an object on it) stays out of the baseline. */
	public boolean excludes(String table) {
		String key = key(table);
		return key.startsWith(OWN_PREFIX) || this.names.contains(key);
	}

	// Case-insensitive: SQLite compares names so, and a state table is configured once
	// for both databases.
	private static String key(String name) {
		return name.toLowerCase(Locale.ROOT);
	}

}

package dev.migrator.core.command;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the Flyway import reads and where it writes.
 *
 * @param locations the Flyway project's folders, {@code classpath:…} or
 * {@code filesystem:…}
 * @param table Flyway's history table, {@code flyway_schema_history} by default, in the
 * schema of migrator's own tables
 * @param output the folder the revision files are written to
 * @param placeholders the values of the project's {@code ${name}} placeholders, as Flyway
 * was given them
 */
public record FlywayImportRequest(List<String> locations, String table, Path output, Map<String, String> placeholders) {

	/** Flyway's default history table. */
	public static final String DEFAULT_TABLE = "flyway_schema_history";

	public FlywayImportRequest {
		locations = List.copyOf(locations);
		Objects.requireNonNull(table, "table");
		Objects.requireNonNull(output, "output");
		placeholders = Map.copyOf(placeholders);
	}

}

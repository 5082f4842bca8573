package dev.migrator.core.backfill;

import java.util.Objects;
import java.util.Optional;

/**
 * Where backfill state is kept.
 *
 * @param schema the schema of both tables, the same as the version table's; empty for the
 * connection's default
 * @param progressTable one row per backfill
 * @param chunkTable one row per key range, on PostgreSQL
 */
public record BackfillTables(Optional<String> schema, String progressTable, String chunkTable) {

	public BackfillTables {
		Objects.requireNonNull(schema, "schema");
		Objects.requireNonNull(progressTable, "progressTable");
		Objects.requireNonNull(chunkTable, "chunkTable");
	}

}

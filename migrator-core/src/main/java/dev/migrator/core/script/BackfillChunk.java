package dev.migrator.core.script;

import dev.migrator.core.script.BackfillFunction;
import java.sql.Connection;
import java.util.List;
import java.util.Objects;

/**
 * The rows of one batch handed to a {@link BackfillFunction}: their keys, in key order,
 * and the connection whose transaction the batch runs in.
 *
 * @param connection the batch's connection, inside its transaction
 * @param table the backfill's table as declared
 * @param keyColumns the key columns, in key order
 * @param keys one entry per row (those in the batch's key range that match the backfill's
 * predicate), each with one value per key column as the driver reads it
 */
public record BackfillChunk(Connection connection, String table, List<String> keyColumns, List<List<Object>> keys) {

	public BackfillChunk {
		Objects.requireNonNull(connection, "connection");
		Objects.requireNonNull(table, "table");
		keyColumns = List.copyOf(keyColumns);
		keys = keys.stream().map(java.util.Collections::unmodifiableList).toList();
	}

	/**
	 * The values of one key column over the chunk's rows, as for
	 * {@code WHERE id = ANY(?)}.
	 */
	public List<Object> values(String column) {
		int index = this.keyColumns.indexOf(column);
		if (index < 0) {
			throw new IllegalArgumentException("'" + column + "' is not a key column of this backfill; the key "
					+ "columns are " + this.keyColumns);
		}
		return this.keys.stream().map((key) -> key.get(index)).toList();
	}

	public int size() {
		return this.keys.size();
	}

}

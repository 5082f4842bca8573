package dev.migrator.core.lint;

import java.util.OptionalLong;

/**
 * What the connected database says of a table, for the rules: how many rows it has, and
 * facts the revisions may not show because the table was made or changed outside them.
 * Tables are named as the revisions name them, without a schema, and found on the
 * connection's search path. Without a database, {@link #NONE} knows nothing and the
 * linter works from the revisions alone.
 */
public interface DatabaseCatalog {

	/** A catalog that knows nothing, for linting without a database. */
	DatabaseCatalog NONE = new DatabaseCatalog() {
	};

	/**
	 * The table's estimated row count; empty when the table is not in the database or has
	 * no estimate yet (never vacuumed or analysed, and not empty).
	 */
	default OptionalLong estimatedRows(String table) {
		return OptionalLong.empty();
	}

	/** Whether the table is partitioned. */
	default boolean isPartitioned(String table) {
		return false;
	}

	/**
	 * Whether the database already proves the column holds no NULL: it is NOT NULL, or a
	 * validated {@code CHECK (column IS NOT NULL)} exists.
	 */
	default boolean provesNotNull(String table, String column) {
		return false;
	}

	/** Whether the index is a partitioned table's index. */
	default boolean isPartitionedIndex(String index) {
		return false;
	}

	/** Whether an index covers the column. */
	default boolean isIndexed(String table, String column) {
		return false;
	}

	/** Whether a CHECK constraint reads the column. */
	default boolean isChecked(String table, String column) {
		return false;
	}

}

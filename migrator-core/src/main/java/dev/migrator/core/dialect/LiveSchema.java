package dev.migrator.core.dialect;

import java.util.Optional;

/**
 * Reads table definitions from the database, for operations that must rebuild a table
 * from what exists.
 */
public interface LiveSchema {

	/** Whether there is a database to read; false in an offline script. */
	boolean isLive();

	/** The table's stored definition; empty when no such table exists. */
	Optional<TableSnapshot> table(String name);

	/** No database: every read is refused by the operations that need one. */
	static LiveSchema offline() {
		return new LiveSchema() {

			@Override
			public boolean isLive() {
				return false;
			}

			@Override
			public Optional<TableSnapshot> table(String name) {
				return Optional.empty();
			}

		};
	}

}

package dev.migrator.core.dialect;

import java.util.Objects;
import java.util.Optional;

/**
 * The table lock a statement takes before it does anything, as read from its text.
 *
 * @param schema the table's schema when the statement names one
 * @param table the table
 * @param mode the lock mode
 */
public record TableLock(Optional<String> schema, String table, TableLockMode mode) {

	public TableLock {
		Objects.requireNonNull(schema, "schema");
		Objects.requireNonNull(table, "table");
		Objects.requireNonNull(mode, "mode");
	}

	/** The table as the statement names it, e.g. {@code public.accounts}. */
	public String describe() {
		return this.schema.map((s) -> s + "." + this.table).orElse(this.table);
	}

}

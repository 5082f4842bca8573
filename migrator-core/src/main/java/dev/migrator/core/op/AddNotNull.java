package dev.migrator.core.op;

import java.util.Objects;
import java.util.Optional;

/**
 * Makes a column NOT NULL without a table scan under a lock that blocks writes. On
 * PostgreSQL: a helper {@code CHECK (column IS NOT NULL) NOT VALID} (a brief lock),
 * {@code VALIDATE CONSTRAINT} in a transaction of its own (a scan that lets reads and
 * writes go on), {@code SET NOT NULL} (which PostgreSQL 12 and later prove from the
 * validated check without a scan), and the helper dropped. On SQLite, where there is no
 * such state, the column is altered as {@link AlterColumn#notNull()} does.
 *
 * @param table the table
 * @param column the column
 * @param check the helper check's name; empty until the naming convention names it (label
 * {@code <column>_not_null})
 */
public record AddNotNull(String table, String column, Optional<String> check) implements Operation {

	public AddNotNull {
		Identifiers.require("addNotNull", "table name", table);
		Identifiers.require("addNotNull", "column name", column);
		Objects.requireNonNull(check, "check");
		check.ifPresent((c) -> Identifiers.require("addNotNull", "check name", c));
	}

	public static AddNotNull of(String table, String column) {
		return new AddNotNull(table, column, Optional.empty());
	}

	/**
	 * The label the naming convention puts in place of {@code {constraint}} for the
	 * helper check.
	 */
	public String checkLabel() {
		return this.column + "_not_null";
	}

	/**
	 * The helper check's name, which the naming convention has given by the time a
	 * dialect renders it.
	 */
	public String requireCheckName() {
		return this.check.orElseThrow(() -> new IllegalStateException("addNotNull " + this.table + "." + this.column
				+ " has no check name; Operations names it through the naming convention first."));
	}

	@Override
	public Optional<Operation> reverse() {
		return Optional.of(AlterColumn.of(this.table, this.column).dropNotNull().existingNullable(false));
	}

	@Override
	public boolean splitsTransaction() {
		return true;
	}

	@Override
	public String describe() {
		return "addNotNull " + this.table + "." + this.column;
	}

}

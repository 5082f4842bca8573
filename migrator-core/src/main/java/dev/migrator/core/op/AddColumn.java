package dev.migrator.core.op;

import dev.migrator.core.error.ErrorCode;

import java.util.Objects;
import java.util.Optional;

/**
 * Adds a column to a table. Constraints are added by their own operations, so each gets a
 * name.
 */
public record AddColumn(String table, Column column) implements Operation {

	public AddColumn {
		Identifiers.require("addColumn", "table name", table);
		Objects.requireNonNull(column, "column");
		if (column.hasConstraints()) {
			throw new InvalidOperationException(ErrorCode.INVALID_OPERATION, "addColumn " + table + "." + column.name()
					+ ": primaryKey(), unique() and references() are for createTable. Add the column, then the constraint with "
					+ "addPrimaryKey, addUniqueConstraint or addForeignKey.");
		}
	}

	@Override
	public Optional<Operation> reverse() {
		return Optional.of(new DropColumn(this.table, this.column.name(), Optional.of(this.column)));
	}

	@Override
	public String describe() {
		return "addColumn " + this.table + "." + this.column.name();
	}

}

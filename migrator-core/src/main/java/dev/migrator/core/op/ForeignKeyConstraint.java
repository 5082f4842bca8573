package dev.migrator.core.op;

import dev.migrator.core.error.ErrorCode;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A foreign key from {@code columns} to {@code referredColumns} of {@code referredTable}.
 */
public record ForeignKeyConstraint(Optional<String> name, List<String> columns, String referredTable,
		List<String> referredColumns, ReferentialAction onDelete,
		ReferentialAction onUpdate) implements TableConstraint {

	public ForeignKeyConstraint {
		Objects.requireNonNull(name, "name");
		name.ifPresent((n) -> Identifiers.require("foreignKey", "constraint name", n));
		columns = Identifiers.requireAll("foreignKey", "column", columns);
		Identifiers.require("foreignKey", "referred table", referredTable);
		referredColumns = Identifiers.requireAll("foreignKey", "referred column", referredColumns);
		if (columns.size() != referredColumns.size()) {
			throw new InvalidOperationException(ErrorCode.INVALID_OPERATION, "foreignKey " + columns + " -> "
					+ referredTable + referredColumns + ": give as many referred columns as columns.");
		}
		Objects.requireNonNull(onDelete, "onDelete");
		Objects.requireNonNull(onUpdate, "onUpdate");
	}

	/** A single-column foreign key with no actions. */
	public static ForeignKeyConstraint of(String column, String referredTable, String referredColumn) {
		return of(List.of(column), referredTable, List.of(referredColumn));
	}

	public static ForeignKeyConstraint of(List<String> columns, String referredTable, List<String> referredColumns) {
		return new ForeignKeyConstraint(Optional.empty(), columns, referredTable, referredColumns,
				ReferentialAction.NO_ACTION, ReferentialAction.NO_ACTION);
	}

	@Override
	public ForeignKeyConstraint named(String name) {
		return new ForeignKeyConstraint(Optional.of(name), this.columns, this.referredTable, this.referredColumns,
				this.onDelete, this.onUpdate);
	}

	public ForeignKeyConstraint onDelete(ReferentialAction action) {
		return new ForeignKeyConstraint(this.name, this.columns, this.referredTable, this.referredColumns, action,
				this.onUpdate);
	}

	public ForeignKeyConstraint onUpdate(ReferentialAction action) {
		return new ForeignKeyConstraint(this.name, this.columns, this.referredTable, this.referredColumns,
				this.onDelete, action);
	}

}

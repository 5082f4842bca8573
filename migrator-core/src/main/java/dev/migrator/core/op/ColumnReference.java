package dev.migrator.core.op;

import java.util.Objects;

/** A column-level foreign key: the column refers to {@code table.column}. */
public record ColumnReference(String table, String column, ReferentialAction onDelete) {

	public ColumnReference {
		Identifiers.require("references", "referred table", table);
		Identifiers.require("references", "referred column", column);
		Objects.requireNonNull(onDelete, "onDelete");
	}

}

package dev.migrator.core.op;

import java.util.Objects;
import java.util.Optional;

/**
 * Drops a column, and with it the indexes and constraints that cover it; give its
 * definition for a reversible drop.
 */
public record DropColumn(String table, String column, Optional<Column> definition) implements Operation {

	public DropColumn {
		Identifiers.require("dropColumn", "table name", table);
		Identifiers.require("dropColumn", "column name", column);
		Objects.requireNonNull(definition, "definition");
	}

	public static DropColumn of(String table, String column) {
		return new DropColumn(table, column, Optional.empty());
	}

	@Override
	public Optional<Operation> reverse() {
		return this.definition.map((c) -> new AddColumn(this.table, c));
	}

	@Override
	public String describe() {
		return "dropColumn " + this.table + "." + this.column;
	}

}

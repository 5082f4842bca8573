package dev.migrator.core.op;

import java.util.Optional;

/**
 * Renames a column; indexes, constraints and (on SQLite) triggers follow the new name.
 */
public record RenameColumn(String table, String from, String to) implements Operation {

	public RenameColumn {
		Identifiers.require("renameColumn", "table name", table);
		Identifiers.require("renameColumn", "column name", from);
		Identifiers.require("renameColumn", "new column name", to);
	}

	@Override
	public Optional<Operation> reverse() {
		return Optional.of(new RenameColumn(this.table, this.to, this.from));
	}

	@Override
	public String describe() {
		return "renameColumn " + this.table + "." + this.from + " to " + this.to;
	}

}

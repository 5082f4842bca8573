package dev.migrator.core.op;

import java.util.Optional;

/** Renames a table. */
public record RenameTable(String from, String to) implements Operation {

	public RenameTable {
		Identifiers.require("renameTable", "table name", from);
		Identifiers.require("renameTable", "new table name", to);
	}

	@Override
	public Optional<Operation> reverse() {
		return Optional.of(new RenameTable(this.to, this.from));
	}

	@Override
	public String describe() {
		return "renameTable " + this.from + " to " + this.to;
	}

}

package dev.migrator.core.op;

import java.util.Optional;

/**
 * Checks the existing rows against a constraint added {@code notValid} (PostgreSQL),
 * taking only a lock that lets reads and writes go on. Nothing to undo, so no reverse.
 */
public record ValidateConstraint(String table, String name) implements Operation {

	public ValidateConstraint {
		Identifiers.require("validateConstraint", "table name", table);
		Identifiers.require("validateConstraint", "constraint name", name);
	}

	@Override
	public Optional<Operation> reverse() {
		return Optional.empty();
	}

	@Override
	public String describe() {
		return "validateConstraint " + this.name + " on " + this.table;
	}

}

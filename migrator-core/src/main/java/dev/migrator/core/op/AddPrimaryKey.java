package dev.migrator.core.op;

import java.util.Objects;
import java.util.Optional;

/** Adds a primary key to a table. */
public record AddPrimaryKey(String table, PrimaryKeyConstraint constraint) implements Operation {

	public AddPrimaryKey {
		Identifiers.require("addPrimaryKey", "table name", table);
		Objects.requireNonNull(constraint, "constraint");
	}

	@Override
	public Optional<Operation> reverse() {
		return this.constraint.name().map((n) -> new DropConstraint(this.table, n, Optional.of(this.constraint)));
	}

	@Override
	public String describe() {
		return "addPrimaryKey " + this.constraint.name().orElse("(unnamed)") + " on " + this.table;
	}

}

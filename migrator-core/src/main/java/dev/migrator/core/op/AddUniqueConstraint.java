package dev.migrator.core.op;

import java.util.Objects;
import java.util.Optional;

/** Adds a unique constraint to a table. */
public record AddUniqueConstraint(String table, UniqueConstraint constraint) implements Operation {

	public AddUniqueConstraint {
		Identifiers.require("addUniqueConstraint", "table name", table);
		Objects.requireNonNull(constraint, "constraint");
	}

	@Override
	public Optional<Operation> reverse() {
		return this.constraint.name().map((n) -> new DropConstraint(this.table, n, Optional.of(this.constraint)));
	}

	@Override
	public String describe() {
		return "addUniqueConstraint " + this.constraint.name().orElse("(unnamed)") + " on " + this.table;
	}

}

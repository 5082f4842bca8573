package dev.migrator.core.op;

import java.util.Objects;
import java.util.Optional;

/**
 * Adds a check constraint. With {@code notValid}, PostgreSQL checks only new and updated
 * rows until {@link ValidateConstraint} checks the rest without blocking writes.
 */
public record AddCheckConstraint(String table, CheckConstraint constraint, boolean notValid) implements Operation {

	public AddCheckConstraint {
		Identifiers.require("addCheckConstraint", "table name", table);
		Objects.requireNonNull(constraint, "constraint");
	}

	@Override
	public Optional<Operation> reverse() {
		return this.constraint.name().map((n) -> new DropConstraint(this.table, n, Optional.of(this.constraint)));
	}

	@Override
	public String describe() {
		return "addCheckConstraint " + this.constraint.name().orElse(this.constraint.label()) + " on " + this.table;
	}

}

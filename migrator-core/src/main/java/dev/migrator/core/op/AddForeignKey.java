package dev.migrator.core.op;

import java.util.Objects;
import java.util.Optional;

/**
 * Adds a foreign key. With {@code notValid}, PostgreSQL checks only new and updated rows
 * until {@link ValidateConstraint} checks the rest without blocking writes; SQLite has no
 * such state (see the reference).
 */
public record AddForeignKey(String table, ForeignKeyConstraint constraint, boolean notValid) implements Operation {

	public AddForeignKey {
		Identifiers.require("addForeignKey", "table name", table);
		Objects.requireNonNull(constraint, "constraint");
	}

	@Override
	public Optional<Operation> reverse() {
		return this.constraint.name().map((n) -> new DropConstraint(this.table, n, Optional.of(this.constraint)));
	}

	@Override
	public String describe() {
		return "addForeignKey " + this.constraint.name().orElse("(unnamed)") + " on " + this.table;
	}

}

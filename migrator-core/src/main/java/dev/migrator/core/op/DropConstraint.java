package dev.migrator.core.op;

import java.util.Objects;
import java.util.Optional;

/** Drops a named constraint; give its definition for a reversible drop. */
public record DropConstraint(String table, String name, Optional<TableConstraint> definition) implements Operation {

	public DropConstraint {
		Identifiers.require("dropConstraint", "table name", table);
		Identifiers.require("dropConstraint", "constraint name", name);
		Objects.requireNonNull(definition, "definition");
		definition = definition.map((d) -> d.named(name));
	}

	public static DropConstraint of(String table, String name) {
		return new DropConstraint(table, name, Optional.empty());
	}

	@Override
	public Optional<Operation> reverse() {
		return this.definition.map(this::adding);
	}

	private Operation adding(TableConstraint constraint) {
		if (constraint instanceof PrimaryKeyConstraint pk) {
			return new AddPrimaryKey(this.table, pk);
		}
		if (constraint instanceof UniqueConstraint unique) {
			return new AddUniqueConstraint(this.table, unique);
		}
		if (constraint instanceof CheckConstraint check) {
			return new AddCheckConstraint(this.table, check, false);
		}
		return new AddForeignKey(this.table, (ForeignKeyConstraint) constraint, false);
	}

	@Override
	public String describe() {
		return "dropConstraint " + this.name + " on " + this.table;
	}

}

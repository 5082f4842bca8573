package dev.migrator.core.op;

import java.util.Objects;
import java.util.Optional;

/** Drops a PostgreSQL enum type; give its definition for a reversible drop. */
public record DropEnumType(String name, Optional<CreateEnumType> definition) implements Operation {

	public DropEnumType {
		Identifiers.require("dropEnumType", "type name", name);
		Objects.requireNonNull(definition, "definition");
	}

	public static DropEnumType of(String name) {
		return new DropEnumType(name, Optional.empty());
	}

	@Override
	public Optional<Operation> reverse() {
		return this.definition.map((d) -> d);
	}

	@Override
	public String describe() {
		return "dropEnumType " + this.name;
	}

}

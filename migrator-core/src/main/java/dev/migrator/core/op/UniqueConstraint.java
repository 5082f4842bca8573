package dev.migrator.core.op;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** A unique constraint over one or more columns. */
public record UniqueConstraint(Optional<String> name, List<String> columns) implements TableConstraint {

	public UniqueConstraint {
		Objects.requireNonNull(name, "name");
		name.ifPresent((n) -> Identifiers.require("unique", "constraint name", n));
		columns = Identifiers.requireAll("unique", "column", columns);
	}

	public static UniqueConstraint of(String... columns) {
		return new UniqueConstraint(Optional.empty(), List.of(columns));
	}

	@Override
	public UniqueConstraint named(String name) {
		return new UniqueConstraint(Optional.of(name), this.columns);
	}

}

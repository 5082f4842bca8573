package dev.migrator.core.op;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** A primary key over one or more columns. */
public record PrimaryKeyConstraint(Optional<String> name, List<String> columns) implements TableConstraint {

	public PrimaryKeyConstraint {
		Objects.requireNonNull(name, "name");
		name.ifPresent((n) -> Identifiers.require("primaryKey", "constraint name", n));
		columns = Identifiers.requireAll("primaryKey", "column", columns);
	}

	public static PrimaryKeyConstraint of(String... columns) {
		return new PrimaryKeyConstraint(Optional.empty(), List.of(columns));
	}

	@Override
	public PrimaryKeyConstraint named(String name) {
		return new PrimaryKeyConstraint(Optional.of(name), this.columns);
	}

}

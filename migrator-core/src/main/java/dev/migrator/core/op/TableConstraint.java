package dev.migrator.core.op;

import java.util.List;
import java.util.Optional;

/**
 * A table-level constraint. Unnamed constraints are named by the {@link NamingConvention}
 * before they run, so the same name is used on every database.
 */
public sealed interface TableConstraint
		permits PrimaryKeyConstraint, UniqueConstraint, CheckConstraint, ForeignKeyConstraint {

	/** The exact name; empty until the naming convention gives one. */
	Optional<String> name();

	/** The table's columns the constraint covers; empty for a check. */
	List<String> columns();

	/** The same constraint with this exact name. */
	TableConstraint named(String name);

	/**
	 * The name, which the naming convention has given by the time a dialect renders it.
	 */
	default String requireName() {
		return name().orElseThrow(() -> new IllegalStateException(
				"The constraint " + this + " has no name; Operations names it through the naming convention first."));
	}

}

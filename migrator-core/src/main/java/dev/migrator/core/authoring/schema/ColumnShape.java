package dev.migrator.core.authoring.schema;

import dev.migrator.core.op.ColumnType;
import dev.migrator.core.op.Identity;

import java.util.Objects;
import java.util.Optional;

/**
 * A column as the database reports it.
 *
 * @param name its name
 * @param typeText the type as the database prints it, normalised; two columns have the
 * same type when these are equal
 * @param type the type in the operations API's terms ({@link ColumnType#custom} for what
 * it has no name for)
 * @param nullable whether it accepts NULL (a primary key column never does)
 * @param serverDefault the default as the database prints it, normalised
 * @param identity whether the database generates its values
 */
public record ColumnShape(String name, String typeText, ColumnType type, boolean nullable,
		Optional<String> serverDefault, Identity identity) {

	public ColumnShape {
		Objects.requireNonNull(name, "name");
		Objects.requireNonNull(typeText, "typeText");
		Objects.requireNonNull(type, "type");
		Objects.requireNonNull(serverDefault, "serverDefault");
		Objects.requireNonNull(identity, "identity");
	}

}

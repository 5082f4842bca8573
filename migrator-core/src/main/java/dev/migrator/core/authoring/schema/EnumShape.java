package dev.migrator.core.authoring.schema;

import java.util.List;
import java.util.Objects;

/**
 * A PostgreSQL enum type.
 *
 * @param name its name
 * @param values its labels in their sort order
 */
public record EnumShape(String name, List<String> values) {

	public EnumShape {
		Objects.requireNonNull(name, "name");
		values = List.copyOf(values);
	}

}

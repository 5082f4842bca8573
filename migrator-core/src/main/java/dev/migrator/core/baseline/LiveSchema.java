package dev.migrator.core.baseline;

import java.util.List;
import java.util.Objects;

/**
 * A live schema as the statements that recreate it on an empty database, in the order
 * they run.
 *
 * @param description which schema of which database was read, for the baseline's message
 * @param objects the statements
 */
public record LiveSchema(String description, List<SchemaObject> objects) {

	public LiveSchema {
		Objects.requireNonNull(description, "description");
		objects = List.copyOf(objects);
	}

}

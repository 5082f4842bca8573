package dev.migrator.core.dialect;

import java.util.Objects;
import java.util.OptionalInt;

/**
 * What rendering may depend on besides the operation.
 *
 * @param inTransaction whether the statements will run inside the revision's transaction
 * @param serverMajorVersion the server's major version, when connected (offline: empty,
 * taken as current)
 * @param schema the live schema, for operations that must read a table's definition
 * (SQLite rebuilds)
 */
public record RenderContext(boolean inTransaction, OptionalInt serverMajorVersion, LiveSchema schema) {

	public RenderContext {
		Objects.requireNonNull(serverMajorVersion, "serverMajorVersion");
		Objects.requireNonNull(schema, "schema");
	}

	/** Rendering for an offline script: no server, no live schema. */
	public static RenderContext offline(boolean inTransaction) {
		return new RenderContext(inTransaction, OptionalInt.empty(), LiveSchema.offline());
	}

}

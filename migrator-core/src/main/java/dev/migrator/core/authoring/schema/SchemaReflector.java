package dev.migrator.core.authoring.schema;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Reads a schema into a {@link SchemaSnapshot}: on PostgreSQL the connection's current
 * schema, on SQLite its main database. Autogenerate reads the live database and the
 * scratch one that holds the desired schema with the same reflector, so that what the
 * database prints back, not what was written, is compared.
 */
public interface SchemaReflector {

	SchemaSnapshot reflect(Connection connection) throws SQLException;

	/** The reflector of a dialect ({@code postgresql} or {@code sqlite}). */
	static SchemaReflector forDialect(String dialect) {
		return switch (dialect) {
			case "postgresql" -> new PostgresSchemaReflector();
			case "sqlite" -> new SqliteSchemaReflector();
			default -> throw new IllegalArgumentException("No schema reflector for the dialect " + dialect);
		};
	}

}

package dev.migrator.core.baseline;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Reads the live schema a baseline recreates: on PostgreSQL the connection's current
 * schema (where the revisions' unqualified SQL creates its objects), on SQLite its main
 * database.
 */
public interface SchemaReader {

	/**
	 * @param connection the connection to read with
	 * @param excluded the tables to leave out, with what belongs to them
	 * @throws UnreadableObjectException when an object cannot be read or recreated
	 */
	LiveSchema read(Connection connection, ExcludedTables excluded) throws SQLException;

	/** The reader of a dialect ({@code postgresql} or {@code sqlite}). */
	static SchemaReader forDialect(String dialect) {
		return switch (dialect) {
			case "postgresql" -> new PostgresSchemaReader();
			case "sqlite" -> new SqliteSchemaReader();
			default -> throw new IllegalArgumentException("No baseline for the dialect " + dialect);
		};
	}

}

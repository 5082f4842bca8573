package dev.migrator.core.command;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * Compares the live schema with the copy {@code drift} built from the applied revisions.
 * The command layer builds and removes the copy; what reads the two schemas and tells
 * them apart (the autogenerate reflector, in the authoring layer above) is handed in, so
 * that the engine does not depend on it.
 */
@FunctionalInterface
public interface SchemaComparison {

	/**
	 * The differences between the two schemas.
	 * @param live a connection to the live database
	 * @param scratch a connection to the copy: on PostgreSQL with the scratch schema
	 * first on its search path (its current schema), on SQLite to the scratch database
	 * @return one sentence per difference, such as
	 * {@code table accounts: column note text is in the database, not in the revisions};
	 * empty when the schemas agree
	 * @throws SQLException when a schema cannot be read
	 */
	List<String> differences(Connection live, Connection scratch) throws SQLException;

}

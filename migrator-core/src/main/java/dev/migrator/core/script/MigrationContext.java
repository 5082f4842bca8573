package dev.migrator.core.script;

import dev.migrator.core.op.Operations;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * What a Java migration is given: the connection the revision runs on, inside its
 * transaction when it has one.
 */
public interface MigrationContext {

	/** The connection; do not commit, roll back or close it, the engine does. */
	Connection connection();

	/** The dialect's name, {@code postgresql} or {@code sqlite}. */
	String dialect();

	/** Runs one statement with bound parameters. */
	default void execute(String sql, Object... parameters) throws SQLException {
		try (var statement = connection().prepareStatement(sql)) {
			for (int i = 0; i < parameters.length; i++) {
				statement.setObject(i + 1, parameters[i]);
			}
			statement.execute();
		}
	}

	/**
	 * The operations API (Alembic's {@code op}) on this revision's connection: schema
	 * changes rendered for the dialect, run at once online and recorded in an offline
	 * script.
	 */
	default Operations op() {
		throw new UnsupportedOperationException(getClass().getName() + " offers no operations API.");
	}

}

package dev.migrator.core.script;

import java.sql.Connection;
import java.sql.SQLException;

/** What a Java migration is given: the connection the revision runs on, inside its transaction when it has one. */
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

}

package dev.migrator.core.dialect;

import java.sql.SQLException;

/**
 * Timeouts applied to a connection; closing puts back the settings that were there
 * before.
 */
@FunctionalInterface
public interface TimeoutScope extends AutoCloseable {

	/** A scope with nothing to undo. */
	TimeoutScope NONE = () -> {
	};

	@Override
	void close() throws SQLException;

}

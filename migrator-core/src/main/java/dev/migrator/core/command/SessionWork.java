package dev.migrator.core.command;

import java.sql.SQLException;

/**
 * Work done in one {@link Session}; its {@link SQLException} is translated by the
 * session's owner.
 */
@FunctionalInterface
public interface SessionWork<T> {

	T run(Session session) throws SQLException;

}

package dev.migrator.core.runtime;

import dev.migrator.core.script.MigrationContext;

import java.sql.Connection;

/** The context a Java migration runs with: the run's connection, already inside the revision's transaction. */
record JdbcMigrationContext(Connection connection, String dialect) implements MigrationContext {
}

package dev.migrator.core.command;

import dev.migrator.core.config.MigratorConfig;
import dev.migrator.core.dialect.Dialects;
import dev.migrator.core.error.MigratorException;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

import javax.sql.DataSource;

/**
 * Where {@code drift} builds its copy of the schema, removed when closed: a scratch
 * schema of the live PostgreSQL database, or a scratch SQLite database file.
 */
sealed interface ScratchPlace extends AutoCloseable permits ScratchSchema, ScratchFile {

	/**
	 * Creates the scratch place next to the live database.
	 * @param base the live configuration
	 * @param live a connection to the live database, which tells its dialect and driver
	 */
	static ScratchPlace create(MigratorConfig base, Connection live) throws SQLException {
		DataSource main = base.dataSource().orElseThrow();
		return "postgresql".equals(Dialects.forConnection(live).name()) ? ScratchSchema.create(base, main, live)
				: ScratchFile.create(base, live);
	}

	/**
	 * The configuration that upgrades the copy: the live one on the scratch place, its
	 * state tables there too.
	 */
	MigratorConfig config();

	/**
	 * The drift failure to throw instead of the build's own when the copy reached past
	 * the scratch place to the live database; empty when it did not.
	 * @param failure what building the copy failed with
	 * @param building the revision the copy was being upgraded to
	 */
	default Optional<MigratorException> escaped(RuntimeException failure, String building) {
		return Optional.empty();
	}

	/** What and where it is, for the log. */
	String describe();

	/** A connection to the copy, as the schema comparison reads it. */
	default Connection open() throws SQLException {
		return config().dataSource().orElseThrow().getConnection();
	}

	/** Removes the scratch place and all it holds. */
	@Override
	void close();

}

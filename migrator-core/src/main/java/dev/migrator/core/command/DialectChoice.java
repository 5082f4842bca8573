package dev.migrator.core.command;

import dev.migrator.core.error.ErrorCode;

import java.sql.Connection;
import java.sql.SQLException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.migrator.core.config.MigratorConfig;
import dev.migrator.core.dialect.Dialect;
import dev.migrator.core.dialect.Dialects;
import dev.migrator.core.error.MigratorException;

/**
 * Which dialect a command works with when it has no session of its own: offline scripts
 * and {@code {dialect}} locations need one (the configured name, else the database's),
 * the linter falls back to PostgreSQL's rules. Online commands take their session's.
 */
final class DialectChoice {

	private static final Logger logger = LoggerFactory.getLogger(DialectChoice.class);

	private final MigratorConfig config;

	DialectChoice(MigratorConfig config) {
		this.config = config;
	}

	/** The configured dialect, else the database's; a failure when neither can be had. */
	Dialect required() {
		if (this.config.dialect().isPresent()) {
			return Dialects.byName(this.config.dialect().get());
		}
		if (this.config.dataSource().isPresent()) {
			// Unreachable, the database is what the user must fix: an online command
			// needs
			// it anyway, whatever the dialect.
			try (Connection connection = DatabaseConnector.open(this.config.dataSource().get())) {
				return Dialects.forConnection(connection);
			}
			catch (SQLException ex) {
				throw new MigratorException(ErrorCode.NO_DIALECT,
						"The dialect (needed for offline SQL and for a {dialect} location) could not be read "
								+ "from the database (" + ex.getMessage()
								+ "). Set the dialect (postgresql or sqlite).",
						ex);
			}
		}
		throw new MigratorException(ErrorCode.NO_DIALECT,
				"Offline SQL and {dialect} locations need a dialect: set it to one of " + Dialects.supportedNames()
						+ ".");
	}

	/**
	 * The dialect whose semantics the linter applies; a database that cannot be reached
	 * does not stop a lint.
	 */
	String forLint() {
		if (this.config.dialect().isPresent()) {
			return Dialects.byName(this.config.dialect().get()).name();
		}
		if (this.config.dataSource().isPresent()) {
			try (Connection connection = this.config.dataSource().get().getConnection()) {
				return Dialects.forConnection(connection).name();
			}
			catch (SQLException ex) {
				logger.warn("Linting with PostgreSQL's rules: the dialect could not be read from the database ({}). "
						+ "Set the dialect to lint for another database.", ex.getMessage());
			}
		}
		return "postgresql";
	}

}

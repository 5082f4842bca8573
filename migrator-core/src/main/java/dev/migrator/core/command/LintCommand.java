package dev.migrator.core.command;

import dev.migrator.core.dialect.Dialects;
import dev.migrator.core.lint.JavaRevisionStatements;
import dev.migrator.core.lint.LintFailedException;
import dev.migrator.core.lint.LintReport;
import dev.migrator.core.lint.Linter;
import dev.migrator.core.lint.PostgresCatalog;
import dev.migrator.core.lint.PostgresVersion;
import dev.migrator.core.lint.SqlRevisionStatements;
import dev.migrator.core.lint.StatementSource;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.Optional;
import java.util.Locale;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code lint}: every revision read for statements that would block reads or writes for
 * long or break the running application. No database is needed: the dialect is the
 * configured one, else the DataSource's, else PostgreSQL. When a PostgreSQL database can
 * be reached, the statements are judged for its version (unless one is configured) and
 * with what its catalog says of the tables: their estimated sizes, indexes and
 * constraints.
 */
public final class LintCommand {

	private static final Logger logger = LoggerFactory.getLogger(LintCommand.class);

	private final CommandContext context;

	public LintCommand(CommandContext context) {
		this.context = context;
	}

	public LintReport run() {
		String dialect = this.context.dialects().forLint();
		// SQL revisions as written; Java migrations as the statements their operations
		// render to.
		StatementSource statements = new SqlRevisionStatements()
			.orElse(new JavaRevisionStatements(Dialects.byName(dialect), this.context.config().namingConvention()));
		Linter linter = new Linter(dialect, statements, this.context.config().lint());
		Optional<DataSource> dataSource = this.context.config().dataSource();
		if (!"postgresql".equals(dialect) || dataSource.isEmpty()) {
			return linter.lint(this.context.graph());
		}
		try (Connection connection = dataSource.get().getConnection()) {
			Optional<PostgresVersion> server = serverVersion(connection.getMetaData());
			if (server.isEmpty()) {
				return linter.lint(this.context.graph());
			}
			// Reads only: the catalog's estimates and constraints of the tables the
			// statements touch.
			connection.setReadOnly(true);
			return linter.lint(this.context.graph(), server, new PostgresCatalog(connection, server.get()));
		}
		catch (SQLException ex) {
			logger.warn(
					"Linting without the database: it did not answer ({}), so the statements are judged for the "
							+ "configured PostgreSQL version, else {}.",
					ex.getMessage(), PostgresVersion.OLDEST_ASSUMED.major());
			return linter.lint(this.context.graph());
		}
	}

	/**
	 * The server's version, when the database is PostgreSQL; a server older than the
	 * linter knows is judged as the oldest it knows, whose rules are the strictest.
	 */
	private static Optional<PostgresVersion> serverVersion(DatabaseMetaData metadata) throws SQLException {
		if (!metadata.getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgresql")) {
			return Optional.empty();
		}
		int major = metadata.getDatabaseMajorVersion();
		if (major < PostgresVersion.OLDEST_KNOWN) {
			return Optional.of(new PostgresVersion(PostgresVersion.OLDEST_KNOWN, 0));
		}
		return Optional.of(new PostgresVersion(major, Math.max(0, metadata.getDatabaseMinorVersion())));
	}

	/**
	 * {@link #run()}, failing with {@link LintFailedException} on any error or warning.
	 */
	public LintReport runOrFail() {
		LintReport report = run();
		if (report.fails()) {
			throw new LintFailedException(report);
		}
		return report;
	}

}

package dev.migrator.core.command;

import dev.migrator.core.dialect.Dialects;
import dev.migrator.core.lint.JavaRevisionStatements;
import dev.migrator.core.lint.LintFailedException;
import dev.migrator.core.lint.LintReport;
import dev.migrator.core.lint.Linter;
import dev.migrator.core.lint.SqlRevisionStatements;
import dev.migrator.core.lint.StatementSource;

/**
 * {@code lint}: every revision read for statements that would block reads or writes for
 * long or break the running application. No database is needed: the dialect is the
 * configured one, else the DataSource's, else PostgreSQL.
 */
public final class LintCommand {

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
		return new Linter(dialect, statements, this.context.config().lint()).lint(this.context.graph());
	}

	/** {@link #run()}, failing with {@link LintFailedException} on any finding. */
	public LintReport runOrFail() {
		LintReport report = run();
		if (report.hasFindings()) {
			throw new LintFailedException(report);
		}
		return report;
	}

}

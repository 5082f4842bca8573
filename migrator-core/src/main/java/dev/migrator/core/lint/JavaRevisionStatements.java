package dev.migrator.core.lint;

import dev.migrator.core.error.MigratorException;
import dev.migrator.core.dialect.Dialect;
import dev.migrator.core.op.NamingConvention;
import dev.migrator.core.runtime.OfflineScript;
import dev.migrator.core.runtime.RunSettings;
import dev.migrator.core.runtime.StateTables;
import dev.migrator.core.script.Allowance;
import dev.migrator.core.script.Direction;
import dev.migrator.core.script.LintRule;
import dev.migrator.core.script.MigrationBody;
import dev.migrator.core.script.Revision;
import dev.migrator.core.script.SqlStatement;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads a Java migration's upgrade as the statements its operations render to, recorded
 * without a database as an offline script records them. A migration that runs JDBC code
 * directly cannot be read and is left to review.
 */
public final class JavaRevisionStatements implements StatementSource {

	private final OfflineScript recorder;

	public JavaRevisionStatements(Dialect dialect, NamingConvention naming) {
		this.recorder = new OfflineScript(dialect, StateTables.defaults(), RunSettings.none(), naming);
	}

	@Override
	public Optional<LintInput> read(Revision revision) {
		if (!(revision.upgrade() instanceof MigrationBody.Java)) {
			return Optional.empty();
		}
		List<SqlStatement> recorded;
		try {
			recorded = this.recorder.statementsOf(revision, Direction.UPGRADE);
		}
		catch (MigratorException ex) {
			if ("offline-unsupported".equals(ex.code())) {
				return Optional.empty();
			}
			throw ex;
		}
		return Optional.of(new LintInput(revision, statements(revision, recorded)));
	}

	// The recorder writes COMMIT ... BEGIN around the parts of a transactional revision
	// that run in autocommit;
	// what runs there is not inside the revision's transaction, so the rule about that
	// does not apply to it.
	private static List<LintStatement> statements(Revision revision, List<SqlStatement> recorded) {
		List<LintStatement> statements = new ArrayList<>(recorded.size());
		boolean autocommit = !revision.transactional();
		for (SqlStatement statement : recorded) {
			String word = firstWord(statement.sql());
			if (revision.transactional() && "COMMIT".equals(word)) {
				autocommit = true;
				continue;
			}
			if (revision.transactional() && "BEGIN".equals(word)) {
				autocommit = false;
				continue;
			}
			if ("SET".equals(word) || "RESET".equals(word) || "PRAGMA".equals(word)) {
				continue;
			}
			List<Allowance> allowances = new ArrayList<>(statement.allowances());
			if (autocommit) {
				allowances
					.add(new Allowance(LintRule.CONCURRENT_IN_TRANSACTION.id(), "runs in an autocommit block", 0));
			}
			statements.add(new LintStatement(statement.sql(), 0, allowances));
		}
		return statements;
	}

	private static String firstWord(String sql) {
		String trimmed = sql.strip();
		while (trimmed.startsWith("--")) {
			int end = trimmed.indexOf('\n');
			trimmed = (end < 0) ? "" : trimmed.substring(end + 1).strip();
		}
		int space = 0;
		while (space < trimmed.length() && Character.isLetter(trimmed.charAt(space))) {
			space++;
		}
		return trimmed.substring(0, space).toUpperCase(Locale.ROOT);
	}

}

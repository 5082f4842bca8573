package dev.migrator.core.lint;

import dev.migrator.core.script.MigrationBody;
import dev.migrator.core.script.Revision;

import java.util.Optional;

/**
 * Reads the upgrade section of SQL revisions; a Java migration's body is not SQL and is
 * left to another source.
 */
public final class SqlRevisionStatements implements StatementSource {

	@Override
	public Optional<LintInput> read(Revision revision) {
		if (!(revision.upgrade() instanceof MigrationBody.Sql sql)) {
			return Optional.empty();
		}
		return Optional.of(new LintInput(revision,
				sql.statements()
					.stream()
					.map((statement) -> new LintStatement(statement.sql(), statement.line(), statement.allowances()))
					.toList()));
	}

}

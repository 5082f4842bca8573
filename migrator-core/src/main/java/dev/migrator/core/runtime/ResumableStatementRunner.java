package dev.migrator.core.runtime;

import dev.migrator.core.dialect.Dialect;
import dev.migrator.core.dialect.TimeoutScope;
import dev.migrator.core.script.Revision;
import dev.migrator.core.script.SqlStatement;
import dev.migrator.core.script.StatementTraits;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.OptionalInt;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one statement of a revision that commits as it goes (non-transactional, or the
 * autocommit statements of a revision run in parts) so that a restart never runs it
 * twice: its {@link StatementProgress} row commits with it where it can, and what an
 * interrupted run left is checked, or refused, before anything runs.
 */
final class ResumableStatementRunner {

	private static final Logger logger = LoggerFactory.getLogger(ResumableStatementRunner.class);

	/** PostgreSQL: the statement cannot run inside a transaction block. */
	private static final String ACTIVE_SQL_TRANSACTION = "25001";

	/** PostgreSQL: the relation (here, the index) already exists. */
	private static final String DUPLICATE_TABLE = "42P07";

	private final Dialect dialect;

	private final LockQueueCheck lockQueue;

	ResumableStatementRunner(Dialect dialect) {
		this.dialect = dialect;
		this.lockQueue = new LockQueueCheck(dialect);
	}

	/**
	 * One statement that commits on its own, so that it never runs twice: in a small
	 * transaction with its progress row where it allows one; else marked running first
	 * and done after, a concurrent index build checked by its validity when a run was
	 * interrupted during it, and any other statement refused until someone resolves it.
	 */
	void run(Connection connection, Revision revision, SqlPart.Autocommit part, EffectiveTimeouts timeouts,
			StepTrace trace, StatementProgress progress, OptionalInt version) throws Exception {
		SqlStatement statement = part.statement();
		if (!this.dialect.needsAutocommit(part.traits(), version)) {
			try {
				trace.running(statement);
				try (TimeoutScope scope = this.dialect.applyTimeouts(connection, timeouts.lockFor(part.traits()),
						timeouts.statement(), false)) {
					Transaction.run(connection, Transaction.Scope.NONE, () -> {
						this.lockQueue.beforeRunning(connection, statement.sql(), timeouts.lockFor(part.traits()));
						execute(connection, statement);
						progress.markDone(connection, statement);
					});
				}
				trace.ran(statement);
				return;
			}
			catch (SQLException ex) {
				if (!ACTIVE_SQL_TRANSACTION.equals(ex.getSQLState())) {
					throw ex;
				}
				// The server refuses it in a transaction though its first words did not
				// say so (CREATE DATABASE, ALTER SYSTEM): it runs in autocommit.
			}
		}
		if (progress.interrupted(statement)) {
			if (!isCheckableIndexBuild(part)) {
				throw progress.unknown(statement);
			}
			if (isCompletedIndexBuild(connection, part)) {
				logger.info(
						"Revision {}: the index built at line {} by an interrupted run is valid; continuing after it",
						revision.id(), statement.line());
				progress.markDone(connection, statement);
				trace.done.add(statement);
				return;
			}
			// Not built, or left INVALID: InvalidIndexRepair clears the way and it is
			// built again.
		}
		progress.markRunning(connection, statement);
		try {
			runInAutocommit(connection, revision, part, timeouts, trace);
		}
		catch (SQLException ex) {
			if (DUPLICATE_TABLE.equals(ex.getSQLState()) && isCompletedIndexBuild(connection, part)) {
				// Built already, VALID: by the server session of an earlier run that was
				// killed while it waited, most likely. Kept as running, the next run
				// checks the index and continues after it.
				trace.existingValidIndex = part.traits().index().map((index) -> index.name());
				throw ex;
			}
			progress.forget(connection, statement, ex);
			throw ex;
		}
		catch (RuntimeException ex) {
			progress.forget(connection, statement, ex);
			throw ex;
		}
		progress.markDone(connection, statement);
	}

	private static boolean isCheckableIndexBuild(SqlPart.Autocommit part) {
		return part.traits().kind() == StatementTraits.Kind.CREATE_INDEX_CONCURRENTLY
				&& part.traits().index().isPresent();
	}

	private boolean isCompletedIndexBuild(Connection connection, SqlPart.Autocommit part) throws SQLException {
		if (!isCheckableIndexBuild(part)) {
			return false;
		}
		StatementTraits.IndexName index = part.traits().index().get();
		return this.dialect.isValidIndex(connection, index.schema(), index.name());
	}

	private static void execute(Connection connection, SqlStatement statement) throws SQLException {
		try (Statement jdbc = connection.createStatement()) {
			jdbc.execute(statement.sql());
		}
	}

	private void runInAutocommit(Connection connection, Revision revision, SqlPart.Autocommit part,
			EffectiveTimeouts timeouts, StepTrace trace) throws SQLException {
		trace.running(part.statement());
		try (TimeoutScope scope = this.dialect.applyTimeouts(connection, timeouts.lockFor(part.traits()),
				timeouts.statement(), false)) {
			new InvalidIndexRepair(connection, this.dialect).beforeBuilding(part.traits(), revision.id());
			this.lockQueue.beforeRunning(connection, part.statement().sql(), timeouts.lockFor(part.traits()));
			try (Statement statement = connection.createStatement()) {
				statement.execute(part.statement().sql());
			}
		}
		trace.ran(part.statement());
	}

}

package dev.migrator.core.runtime;

import dev.migrator.core.error.ErrorCode;

import dev.migrator.core.error.MigratorException;
import dev.migrator.core.runtime.ProgressTable.Mark;
import dev.migrator.core.runtime.ProgressTable.State;
import dev.migrator.core.script.Checksums;
import dev.migrator.core.script.PlanStep;
import dev.migrator.core.script.SqlStatement;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The progress of one SQL step that commits as it goes, read from the
 * {@link ProgressTable} when it starts: which statements an earlier, interrupted run
 * completed (they are skipped) and which one it left with an unknown outcome (the run
 * refuses to guess).
 */
final class StatementProgress {

	private final ProgressTable table;

	private final PlanStep step;

	private final Map<SqlStatement, Integer> indexes = new IdentityHashMap<>();

	private final Map<Integer, Mark> marks;

	private StatementProgress(ProgressTable table, PlanStep step, List<SqlStatement> statements,
			Map<Integer, Mark> marks) {
		this.table = table;
		this.step = step;
		this.marks = marks;
		for (int i = 0; i < statements.size(); i++) {
			this.indexes.put(statements.get(i), i);
		}
	}

	/**
	 * Reads the step's progress; fails when a statement that already ran was changed
	 * since, which would make "continue after it" mean something else.
	 */
	static StatementProgress load(ProgressTable table, Connection connection, PlanStep step,
			List<SqlStatement> statements) throws SQLException {
		StatementProgress progress = new StatementProgress(table, step, statements,
				table.read(connection, step.revision().id(), step.direction()));
		for (Mark mark : progress.marks.values()) {
			if (mark.index() >= statements.size() || !mark.checksum().equals(checksum(statements.get(mark.index())))) {
				throw new MigratorException(ErrorCode.STATEMENT_CHANGED_AFTER_IT_RAN, "Revision " + step.revision().id()
						+ " (" + step.revision().origin() + ") was interrupted after statement " + (mark.index() + 1)
						+ " (line " + mark.line() + ") ran, and its statements up to there have changed since. "
						+ "A restart continues after the statements that ran, so they must stay as they ran: put "
						+ "them back as they were, and change the statements after them only.");
			}
		}
		return progress;
	}

	/** Whether the statement completed in an earlier run. */
	boolean done(SqlStatement statement) {
		return mark(statement).filter((mark) -> mark.state() == State.DONE).isPresent();
	}

	/** Whether an earlier run was interrupted while the statement ran. */
	boolean interrupted(SqlStatement statement) {
		return mark(statement).filter((mark) -> mark.state() == State.RUNNING).isPresent();
	}

	/** Records that the statement completed; in the caller's transaction. */
	void markDone(Connection connection, SqlStatement statement) throws SQLException {
		this.table.mark(connection, mark(statement, State.DONE));
	}

	/** Records, before it runs in autocommit, that the statement is running. */
	void markRunning(Connection connection, SqlStatement statement) throws SQLException {
		this.table.mark(connection, mark(statement, State.RUNNING));
	}

	/**
	 * Forgets the statement's row after it failed: an error means it did not complete.
	 */
	void forget(Connection connection, SqlStatement statement, Exception cause) {
		try {
			this.table.forget(connection, mark(statement, State.RUNNING));
		}
		catch (SQLException ex) {
			cause.addSuppressed(ex);
		}
	}

	/** The refusal to run again a statement whose outcome is unknown. */
	StatementOutcomeUnknownException unknown(SqlStatement statement) {
		return new StatementOutcomeUnknownException(this.step.revision().id(),
				"Revision " + this.step.revision().id() + " was interrupted while its statement at "
						+ this.step.revision().origin().atLine(statement.line()) + " ran: "
						+ StatementText.abbreviate(statement.sql()) + ". It cannot run in a transaction and leaves "
						+ "nothing the migrator can check, so whether it completed is unknown, and the migrator "
						+ "will not guess. Check the database, then resolve it: if it completed, run the job with "
						+ "migrator.job.command=resolve and migrator.job.resolve=done (Migrator.resolve(DONE)) and "
						+ "the next run continues after it; if not, use migrator.job.resolve=rerun "
						+ "(Migrator.resolve(RERUN)) and the next run runs it again.");
	}

	private Optional<Mark> mark(SqlStatement statement) {
		return Optional.ofNullable(this.marks.get(index(statement)));
	}

	private Mark mark(SqlStatement statement, State state) {
		return new Mark(this.step.revision().id(), ProgressTable.label(this.step.direction()), index(statement),
				statement.line(), checksum(statement), state);
	}

	private int index(SqlStatement statement) {
		Integer index = this.indexes.get(statement);
		if (index == null) {
			throw new IllegalStateException("Not a statement of " + this.step.revision().id() + ": " + statement);
		}
		return index;
	}

	private static String checksum(SqlStatement statement) {
		return Checksums.of(statement.sql());
	}

}

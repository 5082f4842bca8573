package dev.migrator.core.runtime;

import dev.migrator.core.script.Direction;
import dev.migrator.core.script.MigrationBody;
import dev.migrator.core.script.PlanStep;
import dev.migrator.core.script.Revision;
import dev.migrator.core.sql.DatabaseMessageRedaction;
import dev.migrator.core.sql.DurationText;

import java.sql.SQLException;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Turns a failed step into the {@link MigrationFailedException} a user reads: where it
 * failed, what the database said, what of the revision stays applied and what to do next.
 */
final class StepFailureExplainer {

	private final TimeoutPolicy timeouts;

	StepFailureExplainer(TimeoutPolicy timeouts) {
		this.timeouts = timeouts;
	}

	/**
	 * @param rowsBefore the version table's rows before the step, which it still holds
	 */
	MigrationFailedException explain(PlanStep step, StepTrace trace, Exception ex, Set<String> rowsBefore) {
		return new MigrationFailedException(step.revision().id(), message(step, trace, ex, rowsBefore), ex);
	}

	private String message(PlanStep step, StepTrace trace, Exception ex, Set<String> rowsBefore) {
		Revision revision = step.revision();
		StringBuilder message = new StringBuilder();
		message.append(step.direction() == Direction.UPGRADE ? "Upgrade" : "Downgrade")
			.append(" of revision ")
			.append(revision.id())
			.append(" (")
			.append(revision.origin())
			.append(") failed");
		trace.current.ifPresent((statement) -> message.append(" at line ")
			.append(statement.line())
			.append(": ")
			.append(StatementText.abbreviate(statement.sql())));
		message.append(".\nThe database said: ").append(databaseMessage(ex)).append('\n');
		boolean lockTimeout = trace.retrier.isLockTimeout(ex);
		if (lockTimeout) {
			message.append(lockTimeoutAdvice(revision, trace, ex));
		}
		String state = rowsBefore.isEmpty() ? "base" : String.join(", ", rowsBefore);
		if (trace.inParts && !trace.recording) {
			message.append(partsAdvice(trace, state, lockTimeout));
		}
		else if (trace.inParts) {
			message
				.append("All its parts ran (each committed) but recording the step failed: the schema has the change ")
				.append("and the version table does not. Check the schema, then run stamp ")
				.append(revision.id())
				.append(" if it is complete.");
		}
		else if (revision.transactional() && trace.committedEarly) {
			message.append(
					"Its autocommit block committed what ran before it (a safe operation commits the same way), which stays applied; the rest was rolled back ")
				.append("and the version table still says ")
				.append(state)
				.append(". Make the revision safe to run again (e.g. IF NOT EXISTS) or undo the committed part by hand, then run the command again.");
		}
		else if (revision.transactional()) {
			message.append(
					"The revision was rolled back as a whole: none of its statements remain and the database is still at ")
				.append(state)
				.append(connectionLost(ex)
						? ". The server ended the connection, which is no fault of the revision: run the command again "
								+ "once the database accepts connections."
						: lockTimeout ? "." : ". Fix the revision and run the command again.");
		}
		else if (trace.recording) {
			message.append("All ")
				.append(trace.total)
				.append(" statements ran (autocommit) but recording the step failed: the schema has the change and the version table does not. ")
				.append("Check the schema, then run stamp ")
				.append(revision.id())
				.append(" if it is complete.");
		}
		else {
			message.append(autocommitAdvice(step, trace, state, lockTimeout));
		}
		return message.toString();
	}

	/** What stays applied of a non-transactional revision. */
	private static String autocommitAdvice(PlanStep step, StepTrace trace, String state, boolean lockTimeout) {
		StringBuilder message = new StringBuilder("This revision is not transactional: ");
		if (step.revision().body(step.direction()) instanceof MigrationBody.Java) {
			message.append("its Java code ran in autocommit, so what it did before failing stays applied");
		}
		else if (trace.done.isEmpty()) {
			message.append("no statement of it ran to completion");
		}
		else {
			message.append(trace.done.size())
				.append(" of ")
				.append(trace.total)
				.append(" statements ran and stay applied (lines ")
				.append(trace.done.stream().map((s) -> String.valueOf(s.line())).collect(Collectors.joining(", ")))
				.append(")");
		}
		message.append(". The version table still says ").append(state);
		if (trace.existingValidIndex.isPresent()) {
			message.append(". ").append(existingIndexAdvice(trace.existingValidIndex.get()));
		}
		else if (lockTimeout) {
			message
				.append(trace.done.isEmpty() ? "." : ". They are recorded as done: the next run continues after them.");
		}
		else if (trace.done.isEmpty()) {
			message.append(". Fix the statement and run the command again (an INVALID index left by a failed "
					+ "CREATE INDEX CONCURRENTLY is dropped and built again by the next run).");
		}
		else {
			message.append(". They are recorded as done: fix what failed and run the command again, and it continues "
					+ "after them (a statement in the revision file up to there must stay as it ran).");
		}
		return message.toString();
	}

	private String lockTimeoutAdvice(Revision revision, StepTrace trace, Exception ex) {
		int attempts = trace.retrier.lastAttempts();
		String timeout = this.timeouts.forRevision(revision).lock().map(DurationText::format).orElse("none");
		Optional<LockWaitAvoidedException> avoided = LockTimeoutRetrier.avoided(ex);
		if (avoided.isPresent()) {
			return "It gave up after " + attempts + (attempts == 1 ? " attempt" : " attempts") + " (lock timeout "
					+ timeout + "), each time waiting outside the lock queue, so that no query " + "on table "
					+ avoided.get().lock().describe() + " waited behind it: the lock it needs was "
					+ "blocked all that time by " + LockWaitAvoidedException.describe(avoided.get().holders())
					+ ". The revision itself is not at fault: let that transaction finish (or end it with SELECT "
					+ "pg_terminate_backend(pid)) and run the command again; or raise the lock retry attempts or "
					+ "max delay.\n";
		}
		return "It gave up waiting for a lock " + attempts + (attempts == 1 ? " time" : " times") + " (lock timeout "
				+ timeout + (attempts > 1 ? ", with pauses between attempts" : "")
				+ "): a transaction kept a lock on the table all that time. The revision itself is not at fault: find "
				+ "that transaction with SELECT pid, state, xact_start, left(query, 80) FROM pg_stat_activity WHERE "
				+ "xact_start < now() - interval '10 seconds' ORDER BY xact_start, let it finish (or end it), and run "
				+ "the command again; or raise the lock timeout or the lock retry attempts.\n";
	}

	/**
	 * A concurrent index build found its index built and VALID: the server session of a
	 * run killed during the build goes on and finishes it.
	 */
	private static String existingIndexAdvice(String index) {
		return "Index " + index + " already exists and is VALID: most likely an earlier run was interrupted during "
				+ "this statement and its server session finished the build. Nothing needs fixing: run the command "
				+ "again and it continues after the index. (Only if that index is not the one this statement "
				+ "builds, drop or rename it first: the next run builds it then.)";
	}

	/** What stays applied of a transactional SQL revision that ran in parts. */
	private static String partsAdvice(StepTrace trace, String state, boolean lockTimeout) {
		StringBuilder message = new StringBuilder("This revision ran in parts, because ")
			.append(StatementText.lines(trace.outside))
			.append(" cannot run inside a transaction block: ");
		if (trace.committed.isEmpty()) {
			message.append("no part of it was committed");
		}
		else {
			message.append("the statements at ")
				.append(StatementText.lines(trace.committed))
				.append(" were committed and stay applied; the part that failed was rolled back");
		}
		message.append(". The version table still says ").append(state).append(". ");
		if (trace.existingValidIndex.isPresent()) {
			message.append(existingIndexAdvice(trace.existingValidIndex.get()));
		}
		else if (lockTimeout) {
			message.append(
					trace.committed.isEmpty() ? "" : "They are recorded as done: the next run continues after them.");
		}
		else if (trace.committed.isEmpty()) {
			message.append("Fix the revision and run the command again.");
		}
		else {
			message.append("They are recorded as done: fix what failed and run the command again, and it continues "
					+ "after them; an INVALID index left by a failed concurrent build is dropped and built again.");
		}
		return message.toString();
	}

	/**
	 * The server ended the session (an administrator's pg_terminate_backend, a shutdown,
	 * a failover) or the connection broke: SQLState class 08, or 57P01 to 57P03.
	 */
	static boolean connectionLost(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof SQLException sql && sql.getSQLState() != null
					&& (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P0"))) {
				return true;
			}
		}
		return false;
	}

	/**
	 * What the database said, without the row values it quotes or a secret of the
	 * statement: the message goes to the log, the history table and the endpoint.
	 */
	private static String databaseMessage(Throwable ex) {
		if (ex instanceof SQLException sql) {
			String state = (sql.getSQLState() != null) ? " [SQLState " + sql.getSQLState() + "]" : "";
			return DatabaseMessageRedaction.redact(sql.getMessage()) + state;
		}
		return ex.getClass().getSimpleName() + ": " + DatabaseMessageRedaction.redact(ex.getMessage());
	}

}

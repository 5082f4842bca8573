package dev.migrator.core.runtime;

import dev.migrator.core.dialect.Dialect;
import dev.migrator.core.op.NamingConvention;
import dev.migrator.core.dialect.TimeoutScope;
import dev.migrator.core.runtime.HistoryEntry.Action;
import dev.migrator.core.runtime.HistoryEntry.Outcome;
import dev.migrator.core.script.Direction;
import dev.migrator.core.script.MigrationBody;
import dev.migrator.core.script.MigrationContext;
import dev.migrator.core.script.Plan;
import dev.migrator.core.script.PlanStep;
import dev.migrator.core.script.Revision;
import dev.migrator.core.script.SqlStatement;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a plan on one connection, step by step: a transactional revision and its version-row change commit together;
 * a non-transactional one runs in autocommit and is recorded right after.
 */
public final class MigrationRunner {

	private static final Logger logger = LoggerFactory.getLogger(MigrationRunner.class);

	private final Dialect dialect;

	private final VersionTable versionTable;

	private final HistoryTable historyTable;

	private final RunSettings settings;

	private final List<MigrationListener> listeners;

	private final String runBy;

	private final NamingConvention naming;

	public MigrationRunner(Dialect dialect, VersionTable versionTable, HistoryTable historyTable, RunSettings settings,
			List<MigrationListener> listeners, String runBy) {
		this(dialect, versionTable, historyTable, settings, listeners, runBy, NamingConvention.defaults());
	}

	/** A runner whose Java migrations name constraints and indexes by the given convention. */
	public MigrationRunner(Dialect dialect, VersionTable versionTable, HistoryTable historyTable, RunSettings settings,
			List<MigrationListener> listeners, String runBy, NamingConvention naming) {
		this.naming = naming;
		this.dialect = dialect;
		this.versionTable = versionTable;
		this.historyTable = historyTable;
		this.settings = settings;
		this.listeners = List.copyOf(listeners);
		this.runBy = runBy;
	}

	/** Runs every step; stops at the first failure, which is thrown after the earlier steps stay committed. */
	public List<StepResult> run(Connection connection, Plan plan) throws SQLException {
		List<StepResult> results = new ArrayList<>(plan.steps().size());
		Set<String> rows = new LinkedHashSet<>(plan.rowsBefore());
		for (PlanStep step : plan.steps()) {
			notifyStarted(step);
			StepResult result = runStep(connection, step, rows);
			results.add(result);
			rows.removeAll(step.deleteRows());
			rows.addAll(step.insertRows());
			notifyFinished(result);
		}
		return results;
	}

	private StepResult runStep(Connection connection, PlanStep step, Set<String> rowsBefore) throws SQLException {
		Revision revision = step.revision();
		Instant started = Instant.now();
		Trace trace = new Trace(revision);
		try {
			if (revision.transactional()) {
				runInTransaction(connection, step, started, trace);
			}
			else {
				runInAutocommit(connection, step, started, trace);
			}
		}
		catch (Exception ex) {
			Instant failed = Instant.now();
			String message = failureMessage(step, trace, ex, rowsBefore);
			recordFailure(connection, step, started, failed, message);
			StepResult result = new StepResult(revision.id(), revision.message(), step.direction(),
					Duration.between(started, failed), false, Optional.of(message));
			notifyFinished(result);
			logger.error(message);
			throw new MigrationFailedException(revision.id(), message, ex);
		}
		Duration took = Duration.between(started, Instant.now());
		logger.info("{} {}{} in {} ms", (step.direction() == Direction.UPGRADE) ? "Upgraded" : "Downgraded",
				revision.id(), revision.message().isEmpty() ? "" : " (" + revision.message() + ")", took.toMillis());
		return new StepResult(revision.id(), revision.message(), step.direction(), took, true, Optional.empty());
	}

	private void runInTransaction(Connection connection, PlanStep step, Instant started, Trace trace) throws Exception {
		Revision revision = step.revision();
		connection.setAutoCommit(false);
		try {
			try (TimeoutScope timeouts = this.dialect.applyTimeouts(connection, lockTimeout(revision),
					statementTimeout(revision), true)) {
				execute(connection, revision.body(step.direction()), trace);
				this.versionTable.record(connection, step);
				this.historyTable.append(connection, revision.id(), action(step), revision.checksum(), started,
						Instant.now(), Outcome.SUCCESS, Optional.empty(), this.runBy);
				connection.commit();
			}
		}
		catch (Exception ex) {
			rollbackQuietly(connection, ex);
			throw ex;
		}
		finally {
			connection.setAutoCommit(true);
		}
	}

	private void runInAutocommit(Connection connection, PlanStep step, Instant started, Trace trace) throws Exception {
		Revision revision = step.revision();
		// Recorded first so that a runner killed between statements leaves a trace of the attempt.
		this.historyTable.append(connection, revision.id(), action(step), revision.checksum(), started, started,
				Outcome.STARTED, Optional.empty(), this.runBy);
		try (TimeoutScope timeouts = this.dialect.applyTimeouts(connection, lockTimeout(revision),
				statementTimeout(revision), false)) {
			execute(connection, revision.body(step.direction()), trace);
		}
		trace.recording = true;
		connection.setAutoCommit(false);
		try {
			this.versionTable.record(connection, step);
			this.historyTable.append(connection, revision.id(), action(step), revision.checksum(), started, Instant.now(),
					Outcome.SUCCESS, Optional.empty(), this.runBy);
			connection.commit();
		}
		catch (Exception ex) {
			rollbackQuietly(connection, ex);
			throw ex;
		}
		finally {
			connection.setAutoCommit(true);
		}
	}

	private void execute(Connection connection, MigrationBody body, Trace trace) throws Exception {
		if (body instanceof MigrationBody.Sql sql) {
			trace.total = sql.statements().size();
			try (Statement statement = connection.createStatement()) {
				for (SqlStatement each : sql.statements()) {
					trace.current = Optional.of(each);
					statement.execute(each.sql());
					trace.done.add(each);
					trace.current = Optional.empty();
				}
			}
		}
		else if (body instanceof MigrationBody.Java java) {
			Revision revision = trace.revision;
			JdbcMigrationContext context = new JdbcMigrationContext(connection, this.dialect, revision.transactional(),
					lockTimeout(revision), statementTimeout(revision), this.naming);
			try {
				run(java, context);
			}
			finally {
				trace.committedEarly = context.committedEarly();
			}
		}
	}

	private static void run(MigrationBody.Java java, MigrationContext context) throws Exception {
		if (java.direction() == Direction.UPGRADE) {
			java.migration().upgrade(context);
		}
		else {
			java.migration().downgrade(context);
		}
	}

	private String failureMessage(PlanStep step, Trace trace, Exception ex, Set<String> rowsBefore) {
		Revision revision = step.revision();
		StringBuilder message = new StringBuilder();
		message.append(step.direction() == Direction.UPGRADE ? "Upgrade" : "Downgrade").append(" of revision ")
			.append(revision.id()).append(" (").append(revision.origin()).append(") failed");
		trace.current.ifPresent((statement) -> message.append(" at line ").append(statement.line()).append(": ")
			.append(abbreviate(statement.sql())));
		message.append(".\nThe database said: ").append(databaseMessage(ex)).append('\n');
		String state = rowsBefore.isEmpty() ? "base" : String.join(", ", rowsBefore);
		if (revision.transactional() && trace.committedEarly) {
			message.append("Its autocommit block committed what ran before it, which stays applied; the rest was rolled back ")
				.append("and the version table still says ").append(state)
				.append(". Make the revision safe to run again (e.g. IF NOT EXISTS) or undo the committed part by hand, then run the command again.");
		}
		else if (revision.transactional()) {
			message.append("The revision was rolled back as a whole: none of its statements remain and the database is still at ")
				.append(state).append(". Fix the revision and run the command again.");
		}
		else if (trace.recording) {
			message.append("All ").append(trace.total)
				.append(" statements ran (autocommit) but recording the step failed: the schema has the change and the version table does not. ")
				.append("Check the schema, then run stamp ").append(revision.id()).append(" if it is complete.");
		}
		else {
			message.append("This revision is not transactional: ");
			if (revision.body(step.direction()) instanceof MigrationBody.Java) {
				message.append("its Java code ran in autocommit, so what it did before failing stays applied");
			}
			else if (trace.done.isEmpty()) {
				message.append("no statement of it ran to completion");
			}
			else {
				message.append(trace.done.size()).append(" of ").append(trace.total)
					.append(" statements ran and stay applied (lines ")
					.append(trace.done.stream().map((s) -> String.valueOf(s.line())).collect(Collectors.joining(", ")))
					.append(")");
			}
			message.append(". The version table still says ").append(state);
			if (trace.done.isEmpty()) {
				message.append(". Fix the statement and run the command again (a failed CREATE INDEX CONCURRENTLY leaves an INVALID index behind: drop it first).");
			}
			else {
				message.append(". Undo or complete those statements by hand (or make them idempotent, e.g. IF NOT EXISTS), then run the command again.");
			}
		}
		return message.toString();
	}

	private static String databaseMessage(Throwable ex) {
		if (ex instanceof SQLException sql) {
			String state = (sql.getSQLState() != null) ? " [SQLState " + sql.getSQLState() + "]" : "";
			return sql.getMessage() + state;
		}
		return ex.getClass().getSimpleName() + ": " + ex.getMessage();
	}

	private void recordFailure(Connection connection, PlanStep step, Instant started, Instant failed, String message) {
		try {
			if (!connection.getAutoCommit()) {
				connection.setAutoCommit(true);
			}
			this.historyTable.append(connection, step.revision().id(), action(step), step.revision().checksum(), started,
					failed, Outcome.FAILED, Optional.of(message), this.runBy);
		}
		catch (SQLException ex) {
			logger.warn("Could not record the failure of {} in the history table: {}", step.revision().id(),
					ex.getMessage());
		}
	}

	private Optional<Duration> lockTimeout(Revision revision) {
		return revision.lockTimeout().or(this.settings::lockTimeout);
	}

	private Optional<Duration> statementTimeout(Revision revision) {
		return revision.statementTimeout().or(this.settings::statementTimeout);
	}

	private static Action action(PlanStep step) {
		return (step.direction() == Direction.UPGRADE) ? Action.UPGRADE : Action.DOWNGRADE;
	}

	private static void rollbackQuietly(Connection connection, Exception cause) {
		try {
			connection.rollback();
		}
		catch (SQLException ex) {
			cause.addSuppressed(ex);
		}
	}

	private void notifyStarted(PlanStep step) {
		for (MigrationListener listener : this.listeners) {
			try {
				listener.stepStarted(step);
			}
			catch (RuntimeException ex) {
				logger.warn("Migration listener {} failed: {}", listener, ex.toString());
			}
		}
	}

	private void notifyFinished(StepResult result) {
		for (MigrationListener listener : this.listeners) {
			try {
				listener.stepFinished(result);
			}
			catch (RuntimeException ex) {
				logger.warn("Migration listener {} failed: {}", listener, ex.toString());
			}
		}
	}

	private static String abbreviate(String sql) {
		String flat = sql.replaceAll("\\s+", " ").trim();
		return (flat.length() <= 200) ? flat : flat.substring(0, 199) + "…";
	}

	/** What has run of the current step, for an exact failure message. */
	private static final class Trace {

		private final List<SqlStatement> done = new ArrayList<>();

		private Optional<SqlStatement> current = Optional.empty();

		private int total;

		private boolean recording;

		private final Revision revision;

		private boolean committedEarly;

		private Trace(Revision revision) {
			this.revision = revision;
		}

	}

}

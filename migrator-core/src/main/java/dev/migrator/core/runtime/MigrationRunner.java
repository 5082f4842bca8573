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
import java.util.OptionalInt;
import java.util.Set;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a plan on one connection, step by step: a transactional revision and its
 * version-row change commit together; a non-transactional one runs in autocommit and is
 * recorded right after. A statement the server refuses inside a transaction block
 * ({@code CREATE INDEX CONCURRENTLY}) splits a transactional SQL revision: it runs in
 * autocommit between the transactional parts around it. A lock timeout rolls back and
 * runs again the transaction it hit, or runs again the autocommit statement it hit, with
 * backoff ({@link LockTimeoutRetry}).
 */
public final class MigrationRunner {

	private static final Logger logger = LoggerFactory.getLogger(MigrationRunner.class);

	private final Dialect dialect;

	private final VersionTable versionTable;

	private final HistoryTable historyTable;

	private final TimeoutPolicy timeouts;

	private final Listeners<MigrationListener> listeners;

	private final String runBy;

	private final NamingConvention naming;

	private final LockTimeoutRetry lockRetry;

	public MigrationRunner(Dialect dialect, VersionTable versionTable, HistoryTable historyTable, RunSettings settings,
			List<MigrationListener> listeners, String runBy) {
		this(dialect, versionTable, historyTable, settings, listeners, runBy, NamingConvention.defaults());
	}

	/**
	 * A runner whose Java migrations name constraints and indexes by the given
	 * convention.
	 */
	public MigrationRunner(Dialect dialect, VersionTable versionTable, HistoryTable historyTable, RunSettings settings,
			List<MigrationListener> listeners, String runBy, NamingConvention naming) {
		this(dialect, versionTable, historyTable, settings, listeners, runBy, naming, LockTimeoutRetry.defaults());
	}

	/** A runner that retries lock timeouts as the given policy says. */
	public MigrationRunner(Dialect dialect, VersionTable versionTable, HistoryTable historyTable, RunSettings settings,
			List<MigrationListener> listeners, String runBy, NamingConvention naming, LockTimeoutRetry lockRetry) {
		this.lockRetry = java.util.Objects.requireNonNull(lockRetry, "lockRetry");
		this.naming = naming;
		this.dialect = dialect;
		this.versionTable = versionTable;
		this.historyTable = historyTable;
		this.timeouts = new TimeoutPolicy(settings, dialect);
		this.listeners = new Listeners<>("Migration listener", listeners);
		this.runBy = runBy;
	}

	/**
	 * Runs every step; stops at the first failure, which is thrown after the earlier
	 * steps stay committed.
	 */
	public List<StepResult> run(Connection connection, Plan plan) throws SQLException {
		return run(connection, plan, StepGate.OPEN);
	}

	/**
	 * Runs every step as {@link #run(Connection, Plan)} does, asking the gate before each
	 * one.
	 */
	public List<StepResult> run(Connection connection, Plan plan, StepGate gate) throws SQLException {
		List<StepResult> results = new ArrayList<>(plan.steps().size());
		Set<String> rows = new LinkedHashSet<>(plan.rowsBefore());
		for (PlanStep step : plan.steps()) {
			gate.beforeStep(step);
			this.listeners.tell((listener) -> listener.stepStarted(step));
			StepResult result = runStep(connection, step, rows);
			results.add(result);
			rows.removeAll(step.deleteRows());
			rows.addAll(step.insertRows());
			this.listeners.tell((listener) -> listener.stepFinished(result));
		}
		return results;
	}

	private StepResult runStep(Connection connection, PlanStep step, Set<String> rowsBefore) throws SQLException {
		Revision revision = step.revision();
		Instant started = Instant.now();
		LockTimeoutRetrier retrier = new LockTimeoutRetrier(this.dialect, this.lockRetry, this.listeners, step);
		Trace trace = new Trace(revision, retrier);
		try {
			MigrationBody body = revision.body(step.direction());
			if (body instanceof MigrationBody.Sql sql) {
				runSql(connection, step, sql.statements(), started, trace);
			}
			else if (revision.transactional()) {
				// A Java migration runs again from its start, which is only sound while
				// nothing of it was committed.
				retrier.run("its transaction", () -> {
					trace.restart();
					inTransaction(connection, revision, () -> {
						executeJava(connection, (MigrationBody.Java) body, trace);
						recordSuccess(connection, step, started);
					});
					return null;
				}, () -> !trace.committedEarly);
			}
			else {
				runJavaInAutocommit(connection, step, (MigrationBody.Java) body, started, trace);
			}
		}
		catch (Exception ex) {
			Instant failed = Instant.now();
			String message = failureMessage(step, trace, ex, rowsBefore);
			recordFailure(connection, step, started, failed, message);
			StepResult result = new StepResult(revision.id(), revision.message(), step.direction(),
					Duration.between(started, failed), false, Optional.of(message));
			this.listeners.tell((listener) -> listener.stepFinished(result));
			logger.error(message);
			throw new MigrationFailedException(revision.id(), message, ex);
		}
		Duration took = Duration.between(started, Instant.now());
		String retried = (trace.retrier.retries() == 0) ? "" : " after " + trace.retrier.retries()
				+ " lock timeout retr" + (trace.retrier.retries() == 1 ? "y" : "ies");
		logger.info("{} {}{} in {} ms{}", (step.direction() == Direction.UPGRADE) ? "Upgraded" : "Downgraded",
				revision.id(), revision.message().isEmpty() ? "" : " (" + revision.message() + ")", took.toMillis(),
				retried);
		return new StepResult(revision.id(), revision.message(), step.direction(), took, true, Optional.empty());
	}

	/**
	 * A SQL revision: one transaction when it can be, else its parts in order, each
	 * retried on its own after a lock timeout (a transactional part rolled back first; an
	 * autocommit statement that timed out changed nothing).
	 */
	private void runSql(Connection connection, PlanStep step, List<SqlStatement> statements, Instant started,
			Trace trace) throws Exception {
		Revision revision = step.revision();
		trace.total = statements.size();
		List<SqlPart> parts = SqlPart.of(statements, revision.transactional(), serverVersion(connection));
		if (revision.transactional() && parts.size() == 1 && parts.get(0) instanceof SqlPart.InTransaction) {
			trace.retrier.run("its transaction", () -> {
				trace.restart();
				inTransaction(connection, revision, () -> {
					executeSql(connection, statements, trace);
					recordSuccess(connection, step, started);
				});
				return null;
			});
			return;
		}
		if (revision.transactional()) {
			trace.inParts = true;
			parts.stream()
				.filter(SqlPart.Autocommit.class::isInstance)
				.forEach((p) -> trace.outside.add(((SqlPart.Autocommit) p).statement()));
			if (parts.size() == 1) {
				logger.info("Revision {} runs in autocommit: {} cannot run inside a transaction block", revision.id(),
						outsideStatements(parts));
			}
			else {
				logger.info(
						"Revision {} runs in {} parts: {} cannot run inside a transaction block, so {} in "
								+ "autocommit between its transactional parts",
						revision.id(), parts.size(), outsideStatements(parts),
						(trace.outside.size() == 1) ? "it runs" : "they run");
			}
		}
		// Recorded first so that a runner killed between parts leaves a trace of the
		// attempt.
		this.historyTable.append(connection, revision.id(), action(step), revision.checksum(), started, started,
				Outcome.STARTED, Optional.empty(), this.runBy);
		EffectiveTimeouts timeouts = timeouts(revision);
		boolean recorded = false;
		for (int i = 0; i < parts.size(); i++) {
			SqlPart part = parts.get(i);
			if (part instanceof SqlPart.InTransaction transaction) {
				boolean records = i == parts.size() - 1;
				trace.retrier.run("the transaction from line " + firstLine(transaction), () -> {
					trace.restartPart();
					inTransaction(connection, revision, () -> {
						executeSql(connection, transaction.statements(), trace);
						if (records) {
							recordSuccess(connection, step, started);
						}
					});
					return null;
				});
				trace.committed.addAll(transaction.statements());
				recorded = records;
			}
			else {
				SqlPart.Autocommit autocommit = (SqlPart.Autocommit) part;
				trace.retrier.run(abbreviate(autocommit.statement().sql()), () -> {
					runInAutocommit(connection, revision, autocommit, timeouts, trace);
					return null;
				});
				trace.committed.add(autocommit.statement());
			}
		}
		if (!recorded) {
			recordInOwnTransaction(connection, step, started, trace);
		}
	}

	private void runInAutocommit(Connection connection, Revision revision, SqlPart.Autocommit part,
			EffectiveTimeouts timeouts, Trace trace) throws SQLException {
		trace.current = Optional.of(part.statement());
		try (TimeoutScope scope = this.dialect.applyTimeouts(connection, timeouts.lockFor(part.traits()),
				timeouts.statement(), false)) {
			new InvalidIndexRepair(connection, this.dialect).beforeBuilding(part.traits(), revision.id());
			try (Statement statement = connection.createStatement()) {
				statement.execute(part.statement().sql());
			}
		}
		trace.done.add(part.statement());
		trace.current = Optional.empty();
	}

	/**
	 * A Java migration of a non-transactional revision: its operations run in autocommit,
	 * each retried on its own.
	 */
	private void runJavaInAutocommit(Connection connection, PlanStep step, MigrationBody.Java java, Instant started,
			Trace trace) throws Exception {
		Revision revision = step.revision();
		// Recorded first so that a runner killed between statements leaves a trace of the
		// attempt.
		this.historyTable.append(connection, revision.id(), action(step), revision.checksum(), started, started,
				Outcome.STARTED, Optional.empty(), this.runBy);
		EffectiveTimeouts timeouts = timeouts(revision);
		try (TimeoutScope scope = this.dialect.applyTimeouts(connection, timeouts.lock(), timeouts.statement(),
				false)) {
			executeJava(connection, java, trace);
		}
		recordInOwnTransaction(connection, step, started, trace);
	}

	private void recordInOwnTransaction(Connection connection, PlanStep step, Instant started, Trace trace)
			throws Exception {
		trace.recording = true;
		connection.setAutoCommit(false);
		try {
			recordSuccess(connection, step, started);
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

	private void recordSuccess(Connection connection, PlanStep step, Instant started) throws SQLException {
		this.versionTable.record(connection, step);
		this.historyTable.append(connection, step.revision().id(), action(step), step.revision().checksum(), started,
				Instant.now(), Outcome.SUCCESS, Optional.empty(), this.runBy);
	}

	/**
	 * Runs the work in one transaction with the revision's local timeouts; rolled back
	 * when it fails.
	 */
	private void inTransaction(Connection connection, Revision revision, TransactionWork work) throws Exception {
		connection.setAutoCommit(false);
		try {
			EffectiveTimeouts timeouts = timeouts(revision);
			try (TimeoutScope scope = this.dialect.applyTimeouts(connection, timeouts.lock(), timeouts.statement(),
					true)) {
				work.run();
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

	private void executeSql(Connection connection, List<SqlStatement> statements, Trace trace) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			for (SqlStatement each : statements) {
				trace.current = Optional.of(each);
				statement.execute(each.sql());
				trace.done.add(each);
				trace.current = Optional.empty();
			}
		}
	}

	private void executeJava(Connection connection, MigrationBody.Java java, Trace trace) throws Exception {
		Revision revision = trace.revision;
		JdbcMigrationContext context = new JdbcMigrationContext(connection, this.dialect, revision.transactional(),
				timeouts(revision), this.naming, trace.retrier, revision.id());
		try {
			run(java, context);
		}
		finally {
			trace.committedEarly = context.committedEarly();
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
		message.append(step.direction() == Direction.UPGRADE ? "Upgrade" : "Downgrade")
			.append(" of revision ")
			.append(revision.id())
			.append(" (")
			.append(revision.origin())
			.append(") failed");
		trace.current.ifPresent((statement) -> message.append(" at line ")
			.append(statement.line())
			.append(": ")
			.append(abbreviate(statement.sql())));
		message.append(".\nThe database said: ").append(databaseMessage(ex)).append('\n');
		if (trace.retrier.isLockTimeout(ex)) {
			message.append(lockTimeoutAdvice(revision, trace));
		}
		String state = rowsBefore.isEmpty() ? "base" : String.join(", ", rowsBefore);
		if (trace.inParts && !trace.recording) {
			message.append(partsAdvice(trace, state));
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
				.append(". Fix the revision and run the command again.");
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
			message.append("This revision is not transactional: ");
			if (revision.body(step.direction()) instanceof MigrationBody.Java) {
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
			if (trace.done.isEmpty()) {
				message.append(". Fix the statement and run the command again (an INVALID index left by a failed "
						+ "CREATE INDEX CONCURRENTLY is dropped and built again by the next run).");
			}
			else {
				message.append(
						". Undo or complete those statements by hand (or make them idempotent, e.g. IF NOT EXISTS), then run the command again.");
			}
		}
		return message.toString();
	}

	private String lockTimeoutAdvice(Revision revision, Trace trace) {
		int attempts = trace.retrier.lastAttempts();
		String timeout = timeouts(revision).lock().map(dev.migrator.core.sql.DurationText::format).orElse("none");
		return "It gave up waiting for a lock " + attempts + (attempts == 1 ? " time" : " times") + " (lock timeout "
				+ timeout + (attempts > 1 ? ", with pauses between attempts" : "")
				+ "): a transaction kept a lock on the table all that time. Find it with SELECT pid, state, xact_start, "
				+ "left(query, 80) FROM pg_stat_activity WHERE xact_start < now() - interval '10 seconds' ORDER BY "
				+ "xact_start, let it finish (or end it), and run the command again; or raise the lock timeout or the "
				+ "lock retry attempts.\n";
	}

	/** What stays applied of a transactional SQL revision that ran in parts. */
	private static String partsAdvice(Trace trace, String state) {
		StringBuilder message = new StringBuilder("This revision ran in parts, because ").append(lines(trace.outside))
			.append(" cannot run inside a transaction block: ");
		if (trace.committed.isEmpty()) {
			message.append("no part of it was committed");
		}
		else {
			message.append("the statements at ")
				.append(lines(trace.committed))
				.append(" were committed and stay applied; the part that failed was rolled back");
		}
		message.append(". The version table still says ").append(state).append(". ");
		if (trace.committed.isEmpty()) {
			message.append("Fix the revision and run the command again.");
		}
		else {
			message.append("Make the committed statements safe to run again (IF NOT EXISTS) or undo them by hand, then "
					+ "run the command again; an INVALID index left by a failed concurrent build is dropped and built "
					+ "again by the next run.");
		}
		return message.toString();
	}

	private static String lines(List<SqlStatement> statements) {
		return (statements.size() == 1 ? "line " : "lines ")
				+ statements.stream().map((s) -> String.valueOf(s.line())).collect(Collectors.joining(", "));
	}

	private static String outsideStatements(List<SqlPart> parts) {
		return parts.stream()
			.filter(SqlPart.Autocommit.class::isInstance)
			.map(SqlPart.Autocommit.class::cast)
			.map((p) -> p.traits().kind().label() + " at line " + p.statement().line())
			.collect(Collectors.joining(", "));
	}

	private static int firstLine(SqlPart.InTransaction transaction) {
		return transaction.statements().isEmpty() ? 0 : transaction.statements().get(0).line();
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
			this.historyTable.append(connection, step.revision().id(), action(step), step.revision().checksum(),
					started, failed, Outcome.FAILED, Optional.of(message), this.runBy);
		}
		catch (SQLException ex) {
			logger.warn("Could not record the failure of {} in the history table: {}", step.revision().id(),
					ex.getMessage());
		}
	}

	private EffectiveTimeouts timeouts(Revision revision) {
		return this.timeouts.forRevision(revision);
	}

	private static OptionalInt serverVersion(Connection connection) throws SQLException {
		return OptionalInt.of(connection.getMetaData().getDatabaseMajorVersion());
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

	private static String abbreviate(String sql) {
		String flat = sql.replaceAll("\\s+", " ").trim();
		return (flat.length() <= 200) ? flat : flat.substring(0, 199) + "…";
	}

	/** What has run of the current step, for an exact failure message. */
	private static final class Trace {

		private final List<SqlStatement> done = new ArrayList<>();

		/**
		 * Statements committed by the parts that finished, for a revision run in parts.
		 */
		private final List<SqlStatement> committed = new ArrayList<>();

		/** The statements a transactional revision runs outside its transaction. */
		private final List<SqlStatement> outside = new ArrayList<>();

		private Optional<SqlStatement> current = Optional.empty();

		private int total;

		private boolean recording;

		private final Revision revision;

		private final LockTimeoutRetrier retrier;

		private boolean committedEarly;

		/**
		 * Whether a transactional SQL revision was split around statements that cannot
		 * run in a transaction.
		 */
		private boolean inParts;

		private Trace(Revision revision, LockTimeoutRetrier retrier) {
			this.revision = revision;
			this.retrier = retrier;
		}

		/**
		 * Forgets what ran: the transaction it ran in was rolled back, and the revision
		 * starts again.
		 */
		private void restart() {
			this.done.clear();
			this.current = Optional.empty();
			this.committedEarly = false;
		}

		/** Forgets what ran of the part that was rolled back. */
		private void restartPart() {
			this.done.retainAll(this.committed);
			this.current = Optional.empty();
		}

	}

	/** Work inside a transaction. */
	@FunctionalInterface
	private interface TransactionWork {

		void run() throws Exception;

	}

}

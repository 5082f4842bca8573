package dev.migrator.core.runtime;

import dev.migrator.core.dialect.Dialect;
import dev.migrator.core.dialect.TimeoutScope;
import dev.migrator.core.op.NamingConvention;
import dev.migrator.core.script.Direction;
import dev.migrator.core.script.MigrationBody;
import dev.migrator.core.script.PlanStep;
import dev.migrator.core.script.Revision;
import dev.migrator.core.script.SqlStatement;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Executes one step's statements or Java operations and has {@link StepRecorder} record
 * it: a transactional revision and its version-row change commit together; a
 * non-transactional one runs in autocommit and is recorded right after. A statement the
 * server refuses inside a transaction block ({@code CREATE INDEX CONCURRENTLY}) splits a
 * transactional SQL revision: it runs in autocommit between the transactional parts
 * around it. Each transaction or autocommit statement is retried on its own after a lock
 * timeout. What ran is kept in the {@link StepTrace}.
 */
final class StepExecutor {

	private static final Logger logger = LoggerFactory.getLogger(StepExecutor.class);

	private final Dialect dialect;

	private final TimeoutPolicy timeouts;

	private final NamingConvention naming;

	private final StepRecorder recorder;

	private final ProgressTable progress;

	private final ResumableStatementRunner statementRunner;

	StepExecutor(Dialect dialect, TimeoutPolicy timeouts, NamingConvention naming, StepRecorder recorder,
			ProgressTable progress) {
		this.progress = progress;
		this.statementRunner = new ResumableStatementRunner(dialect);
		this.dialect = dialect;
		this.timeouts = timeouts;
		this.naming = naming;
		this.recorder = recorder;
	}

	void execute(Connection connection, PlanStep step, StepTrace trace, Instant started) throws Exception {
		Revision revision = step.revision();
		MigrationBody body = revision.body(step.direction());
		if (body instanceof MigrationBody.Sql sql) {
			runSql(connection, step, sql.statements(), started, trace);
		}
		else if (revision.transactional()) {
			// A Java migration runs again from its start, which is only sound while
			// nothing of it was committed.
			trace.retrier.run("its transaction", () -> {
				trace.restart();
				inTransaction(connection, revision, () -> {
					executeJava(connection, (MigrationBody.Java) body, trace);
					this.recorder.succeeded(connection, step, started);
				});
				return null;
			}, () -> !trace.committedEarly);
		}
		else {
			runJavaInAutocommit(connection, step, (MigrationBody.Java) body, started, trace);
		}
	}

	/**
	 * A SQL revision: one transaction when it can be, else its parts in order, each
	 * retried on its own after a lock timeout (a transactional part rolled back first; an
	 * autocommit statement that timed out changed nothing).
	 */
	private void runSql(Connection connection, PlanStep step, List<SqlStatement> statements, Instant started,
			StepTrace trace) throws Exception {
		Revision revision = step.revision();
		trace.total = statements.size();
		List<SqlPart> parts = SqlPart.of(statements, revision.transactional(), this.dialect, serverVersion(connection));
		if (revision.transactional() && parts.size() == 1 && parts.get(0) instanceof SqlPart.InTransaction) {
			trace.retrier.run("its transaction", () -> {
				trace.restart();
				sqlInTransaction(connection, revision, statements, trace,
						this.recorder.closing(step, started, trace.leftPartWay),
						() -> this.recorder.succeeded(connection, step, started));
				return null;
			});
			return;
		}
		if (revision.transactional()) {
			logParts(revision, parts, trace);
		}
		// A revision that commits as it goes records each statement's progress, so that a
		// run killed halfway continues after the last completed statement.
		StatementProgress progress = StatementProgress.load(this.progress, connection, step, statements);
		this.recorder.started(connection, step, started);
		EffectiveTimeouts timeouts = this.timeouts.forRevision(revision);
		OptionalInt version = serverVersion(connection);
		boolean recorded = false;
		for (int i = 0; i < parts.size(); i++) {
			SqlPart part = parts.get(i);
			if (part instanceof SqlPart.InTransaction transaction) {
				boolean records = i == parts.size() - 1;
				// A part commits together with its progress rows: all of it ran, or none.
				boolean ran = !transaction.statements().isEmpty()
						&& transaction.statements().stream().allMatch(progress::done);
				if (ran) {
					skipped(revision, transaction.statements(), trace);
					if (!records) {
						continue;
					}
				}
				trace.retrier.run("the transaction from line " + firstLine(transaction), () -> {
					trace.restartPart();
					sqlInTransaction(connection, revision, ran ? List.of() : transaction.statements(), trace,
							Optional.empty(), () -> {
								if (!ran) {
									for (SqlStatement each : transaction.statements()) {
										progress.markDone(connection, each);
									}
								}
								if (records) {
									this.recorder.succeeded(connection, step, started);
								}
							});
					return null;
				});
				if (!ran) {
					trace.committed.addAll(transaction.statements());
				}
				recorded = records;
			}
			else {
				SqlPart.Autocommit autocommit = (SqlPart.Autocommit) part;
				if (progress.done(autocommit.statement())) {
					skipped(revision, List.of(autocommit.statement()), trace);
					continue;
				}
				trace.retrier.run(StatementText.abbreviate(autocommit.statement().sql()), () -> {
					this.statementRunner.run(connection, revision, autocommit, timeouts, trace, progress, version);
					return null;
				});
				trace.committed.add(autocommit.statement());
			}
		}
		if (!recorded) {
			this.recorder.succeededInOwnTransaction(connection, step, started, trace);
		}
	}

	/** A statement an earlier, interrupted run completed: it stays done. */
	private static void skipped(Revision revision, List<SqlStatement> statements, StepTrace trace) {
		logger.info("Revision {}: {} completed in an earlier run that was interrupted; continuing after it",
				revision.id(), StatementText.lines(statements));
		trace.done.addAll(statements);
		trace.committed.addAll(statements);
	}

	private static void logParts(Revision revision, List<SqlPart> parts, StepTrace trace) {
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

	/**
	 * A Java migration of a non-transactional revision: its operations run in autocommit,
	 * each retried on its own.
	 */
	private void runJavaInAutocommit(Connection connection, PlanStep step, MigrationBody.Java java, Instant started,
			StepTrace trace) throws Exception {
		Revision revision = step.revision();
		this.recorder.started(connection, step, started);
		EffectiveTimeouts timeouts = this.timeouts.forRevision(revision);
		try (TimeoutScope scope = this.dialect.applyTimeouts(connection, timeouts.lock(), timeouts.statement(),
				false)) {
			executeJava(connection, java, trace);
		}
		this.recorder.succeededInOwnTransaction(connection, step, started, trace);
	}

	/**
	 * Runs the work in one transaction with the revision's local timeouts; rolled back
	 * when it fails.
	 */
	private void inTransaction(Connection connection, Revision revision, Transaction.Work work) throws Exception {
		EffectiveTimeouts timeouts = this.timeouts.forRevision(revision);
		Transaction.run(connection,
				() -> this.dialect.applyTimeouts(connection, timeouts.lock(), timeouts.statement(), true), work);
	}

	/**
	 * Runs the statements, then the rest of the work ({@code closing}, or else
	 * {@code then}), in one transaction with the revision's local timeouts. Where the
	 * dialect allows, nothing takes a round trip of its own: the timeouts go to the
	 * server with the first statement, a table lock taken without waiting with the
	 * statement that needs it, and the closing record and commit with the last statement.
	 */
	private void sqlInTransaction(Connection connection, Revision revision, List<SqlStatement> statements,
			StepTrace trace, Optional<SuccessRecord.Closing> closing, Transaction.Work then) throws Exception {
		EffectiveTimeouts timeouts = this.timeouts.forRevision(revision);
		Optional<List<String>> local = this.dialect.transactionTimeouts(timeouts.lock(), timeouts.statement());
		if (local.isEmpty() || statements.isEmpty()) {
			inTransaction(connection, revision, () -> {
				executeSql(connection, statements, trace, TimeoutsToSend.none(), Optional.empty());
				then.run();
			});
			return;
		}
		Transaction.run(connection, Transaction.Scope.NONE, () -> {
			if (!executeSql(connection, statements, trace, new TimeoutsToSend(local.get()), closing)) {
				then.run();
			}
		});
	}

	/**
	 * Sends the statements, each with what goes ahead of it; whether the closing record
	 * went with the last one, which committed the transaction.
	 */
	private boolean executeSql(Connection connection, List<SqlStatement> statements, StepTrace trace,
			TimeoutsToSend timeouts, Optional<SuccessRecord.Closing> closing) throws SQLException {
		Optional<Duration> lockTimeout = this.timeouts.forRevision(trace.revision).lock();
		LockQueueCheck lockQueue = new LockQueueCheck(this.dialect);
		Instant began = Instant.now();
		boolean closed = false;
		try (Statement statement = connection.createStatement()) {
			for (int i = 0; i < statements.size(); i++) {
				SqlStatement each = statements.get(i);
				trace.running(each);
				Optional<String> lock = Optional.empty();
				if (trace.lookFirst) {
					lockQueue.beforeRunning(connection, each.sql(), lockTimeout, timeouts);
				}
				else {
					lock = lockQueue.lockOrLook(connection, each.sql(), lockTimeout, timeouts);
				}
				String text = timeouts.ahead(lock.map((l) -> l + ";\n" + each.sql()).orElse(each.sql()));
				boolean closes = i == statements.size() - 1 && closing.isPresent() && hasNoPlaceholder(each);
				try {
					if (closes) {
						close(connection, text, closing.get(), began);
						closed = true;
					}
					else {
						statement.execute(text);
					}
				}
				catch (SQLException ex) {
					if (lock.isPresent() && this.dialect.mayBeLockNotTakenWithoutWaiting(ex)) {
						trace.lookFirst = true;
						throw new LockNotTakenWithoutWaitingException(ex);
					}
					throw ex;
				}
				trace.ran(each);
			}
		}
		return closed;
	}

	/**
	 * The last statement, the record of the step's success and the commit, in one
	 * prepared text. The statement ends its own line first: it may end with a line
	 * comment.
	 */
	private static void close(Connection connection, String last, SuccessRecord.Closing closing, Instant began)
			throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement(last + "\n;\n" + closing.sql())) {
			closing.bind(statement, 1, began);
			statement.execute();
		}
	}

	/**
	 * Whether the statement can be part of a prepared text: the driver would take a
	 * {@code ?} in it (an operator, say) for a placeholder.
	 */
	private static boolean hasNoPlaceholder(SqlStatement statement) {
		return statement.sql().indexOf('?') < 0;
	}

	private void executeJava(Connection connection, MigrationBody.Java java, StepTrace trace) throws Exception {
		Revision revision = trace.revision;
		JdbcMigrationContext context = new JdbcMigrationContext(connection, this.dialect, revision.transactional(),
				this.timeouts.forRevision(revision), this.naming, trace.retrier, revision.id());
		try {
			if (java.direction() == Direction.UPGRADE) {
				java.migration().upgrade(context);
			}
			else {
				java.migration().downgrade(context);
			}
		}
		finally {
			trace.committedEarly = context.committedEarly();
		}
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

	private static OptionalInt serverVersion(Connection connection) throws SQLException {
		return OptionalInt.of(connection.getMetaData().getDatabaseMajorVersion());
	}

}

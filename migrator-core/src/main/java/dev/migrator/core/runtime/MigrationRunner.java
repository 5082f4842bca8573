package dev.migrator.core.runtime;

import dev.migrator.core.dialect.Dialect;
import dev.migrator.core.op.NamingConvention;
import dev.migrator.core.script.Direction;
import dev.migrator.core.script.Plan;
import dev.migrator.core.script.PlanStep;
import dev.migrator.core.script.Revision;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a plan on one connection, step by step, telling the listeners as it goes: the
 * {@link StepExecutor} runs a step's statements (how transactions, autocommit parts and
 * lock timeout retries work is described there), the {@link StepRecorder} records it in
 * the version and history tables, and after a failure the {@link StepFailureExplainer}
 * says what stays applied. The first failure stops the run; the steps before it stay
 * committed.
 */
public final class MigrationRunner {

	private static final Logger logger = LoggerFactory.getLogger(MigrationRunner.class);

	private final Dialect dialect;

	private final Listeners<MigrationListener> listeners;

	private final LockTimeoutRetry lockRetry;

	private final StepRecorder recorder;

	private final StepExecutor executor;

	private final StepFailureExplainer explainer;

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
		this.lockRetry = Objects.requireNonNull(lockRetry, "lockRetry");
		this.dialect = dialect;
		this.listeners = new Listeners<>("Migration listener", listeners);
		TimeoutPolicy timeouts = new TimeoutPolicy(settings, dialect);
		ProgressTable progress = new ProgressTable(dialect, historyTable.tables());
		this.recorder = new StepRecorder(dialect, versionTable, historyTable, progress, runBy);
		this.executor = new StepExecutor(dialect, timeouts, naming, this.recorder, progress);
		this.explainer = new StepFailureExplainer(timeouts);
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
		return run(connection, ConnectionSource.NONE, plan, gate);
	}

	/**
	 * Runs every step as {@link #run(Connection, Plan, StepGate)} does; a failure whose
	 * connection the server ended is recorded on a connection from {@code reconnect}.
	 */
	public List<StepResult> run(Connection connection, ConnectionSource reconnect, Plan plan, StepGate gate)
			throws SQLException {
		TransactionControlRefusal.check(plan);
		List<StepResult> results = new ArrayList<>(plan.steps().size());
		Set<String> rows = new LinkedHashSet<>(plan.rowsBefore());
		Set<ProgressTable.Step> leftPartWay = plan.steps().isEmpty() ? Set.of() : this.recorder.leftPartWay(connection);
		for (PlanStep step : plan.steps()) {
			gate.beforeStep(step);
			this.listeners.tell((listener) -> listener.stepStarted(step));
			StepResult result = runStep(connection, reconnect, step, rows,
					leftPartWay.contains(ProgressTable.Step.of(step)));
			results.add(result);
			rows.removeAll(step.deleteRows());
			rows.addAll(step.insertRows());
			this.listeners.tell((listener) -> listener.stepFinished(result));
		}
		return results;
	}

	private StepResult runStep(Connection connection, ConnectionSource reconnect, PlanStep step, Set<String> rowsBefore,
			boolean leftPartWay) {
		Revision revision = step.revision();
		Instant started = Instant.now();
		LockTimeoutRetrier retrier = new LockTimeoutRetrier(this.dialect, this.lockRetry, this.listeners, step);
		StepTrace trace = new StepTrace(revision, retrier,
				(statement) -> this.listeners.tell((listener) -> listener.statementStarted(step, statement.line())));
		trace.leftPartWay = leftPartWay;
		try {
			this.executor.execute(connection, step, trace, started);
		}
		catch (StatementOutcomeUnknownException ex) {
			// Nothing ran: the refusal is the whole message, with the command that
			// resolves it.
			this.recorder.failed(connection, reconnect, step, started, Instant.now(), ex.getMessage());
			logger.error(ex.getMessage());
			throw ex;
		}
		catch (Exception ex) {
			Instant failed = Instant.now();
			MigrationFailedException failure = this.explainer.explain(step, trace, ex, rowsBefore);
			this.recorder.failed(connection, reconnect, step, started, failed, failure.getMessage());
			StepResult result = new StepResult(revision.id(), revision.message(), step.direction(),
					Duration.between(started, failed), false, Optional.of(failure.getMessage()));
			this.listeners.tell((listener) -> listener.stepFinished(result));
			logger.error(failure.getMessage());
			throw failure;
		}
		Duration took = Duration.between(started, Instant.now());
		String retried = (retrier.retries() == 0) ? ""
				: " after " + retrier.retries() + " lock timeout retr" + (retrier.retries() == 1 ? "y" : "ies");
		logger.info("{} {}{} in {} ms{}", (step.direction() == Direction.UPGRADE) ? "Upgraded" : "Downgraded",
				revision.id(), revision.message().isEmpty() ? "" : " (" + revision.message() + ")", took.toMillis(),
				retried);
		return new StepResult(revision.id(), revision.message(), step.direction(), took, true, Optional.empty());
	}

}

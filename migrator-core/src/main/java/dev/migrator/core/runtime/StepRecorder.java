package dev.migrator.core.runtime;

import dev.migrator.core.dialect.Dialect;
import dev.migrator.core.runtime.HistoryEntry.Action;
import dev.migrator.core.runtime.HistoryEntry.Outcome;
import dev.migrator.core.script.Direction;
import dev.migrator.core.script.PlanStep;
import dev.migrator.core.sql.DatabaseMessageRedaction;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records what a step did: the version table's rows and the history table's entry for its
 * start, success or failure.
 */
final class StepRecorder {

	private static final Logger logger = LoggerFactory.getLogger(StepRecorder.class);

	private final VersionTable versionTable;

	private final HistoryTable historyTable;

	private final ProgressTable progress;

	private final String runBy;

	private final Optional<SuccessRecord> inOneText;

	StepRecorder(Dialect dialect, VersionTable versionTable, HistoryTable historyTable, ProgressTable progress,
			String runBy) {
		this.inOneText = dialect.sendsStatementsInOneText()
				? Optional.of(new SuccessRecord(dialect, historyTable.tables())) : Optional.empty();
		this.progress = progress;
		this.versionTable = versionTable;
		this.historyTable = historyTable;
		this.runBy = runBy;
	}

	/**
	 * Records that a step which commits as it goes has started, so that a runner killed
	 * halfway leaves a trace of the attempt.
	 */
	void started(Connection connection, PlanStep step, Instant started) throws SQLException {
		this.historyTable.append(connection, step.revision().id(), action(step), step.revision().checksum(), started,
				started, Outcome.STARTED, Optional.empty(), this.runBy);
	}

	/**
	 * Moves the version table, forgets the step's statement progress and records the
	 * success, in the caller's transaction, as the last thing it does: where the driver
	 * sends them in one text, it commits that transaction in the same round trip.
	 */
	void succeeded(Connection connection, PlanStep step, Instant started) throws SQLException {
		if (this.inOneText.isPresent()) {
			this.inOneText.get().recordAndCommit(connection, step, action(step), started, Instant.now(), this.runBy);
			return;
		}
		this.versionTable.record(connection, step);
		this.progress.clear(connection, step.revision().id(), step.direction());
		this.historyTable.append(connection, step.revision().id(), action(step), step.revision().checksum(), started,
				Instant.now(), Outcome.SUCCESS, Optional.empty(), this.runBy);
	}

	/**
	 * What {@link #succeeded} does, as statements to send after the step's last one in
	 * the same text, committing the transaction; empty where the driver cannot.
	 */
	Optional<SuccessRecord.Closing> closing(PlanStep step, Instant started, boolean leftPartWay) {
		return this.inOneText.map((record) -> record.closing(step, action(step), started, this.runBy, leftPartWay));
	}

	/**
	 * The steps an earlier run left part-way, whose statement progress a {@link #closing}
	 * deletes; read only where there is a closing record.
	 */
	Set<ProgressTable.Step> leftPartWay(Connection connection) throws SQLException {
		return this.inOneText.isPresent() ? this.progress.steps(connection) : Set.of();
	}

	/**
	 * Records the success in a transaction of its own, after statements that ran in
	 * autocommit.
	 */
	void succeededInOwnTransaction(Connection connection, PlanStep step, Instant started, StepTrace trace)
			throws Exception {
		trace.recording = true;
		Transaction.run(connection, Transaction.Scope.NONE, () -> succeeded(connection, step, started));
	}

	/**
	 * Records the failure; when the run's connection is gone (the server ended it), on a
	 * connection of its own. A failure to record it is only logged, so that the step's
	 * own error is the one thrown.
	 */
	void failed(Connection connection, ConnectionSource reconnect, PlanStep step, Instant started, Instant failed,
			String message) {
		try {
			if (!connection.getAutoCommit()) {
				connection.setAutoCommit(true);
			}
			appendFailure(connection, step, started, failed, message);
			return;
		}
		catch (SQLException ex) {
			if (!isGone(connection)) {
				warnNotRecorded(step, ex);
				return;
			}
		}
		try (Connection fresh = reconnect.open()) {
			fresh.setAutoCommit(true);
			appendFailure(fresh, step, started, failed, message);
		}
		catch (SQLException ex) {
			warnNotRecorded(step, ex);
		}
	}

	private void appendFailure(Connection connection, PlanStep step, Instant started, Instant failed, String message)
			throws SQLException {
		this.historyTable.append(connection, step.revision().id(), action(step), step.revision().checksum(), started,
				failed, Outcome.FAILED, Optional.of(message), this.runBy);
	}

	private static boolean isGone(Connection connection) {
		try {
			return connection.isClosed() || !connection.isValid(5);
		}
		catch (SQLException ex) {
			return true;
		}
	}

	private static void warnNotRecorded(PlanStep step, SQLException ex) {
		logger.warn("Could not record the failure of {} in the history table: {}", step.revision().id(),
				DatabaseMessageRedaction.redact(ex.getMessage()));
	}

	private static Action action(PlanStep step) {
		return (step.direction() == Direction.UPGRADE) ? Action.UPGRADE : Action.DOWNGRADE;
	}

}

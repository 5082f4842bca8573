package dev.migrator.core.backfill;

import dev.migrator.core.error.ErrorCode;

import dev.migrator.core.error.MigratorException;
import dev.migrator.core.replica.LagThrottle;
import dev.migrator.core.replica.ReplicaLag;
import dev.migrator.core.replica.ReplicaLagMonitor;
import dev.migrator.core.script.LagLimits;
import dev.migrator.core.replica.ThrottleState;
import dev.migrator.core.sql.DatabaseMessageRedaction;

import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Holds a backfill back between batches while a replica lags beyond its limits, showing
 * the wait in the progress table, to the listeners and in the progress line.
 */
final class LagWait {

	private static final Logger logger = LoggerFactory.getLogger(LagWait.class);

	private final WorkerContext worker;

	private final LagThrottle throttle;

	private final ReplicaLagMonitor monitor;

	private final Duration pollInterval;

	private final ProgressLine progress;

	LagWait(WorkerContext worker, LagLimits limits, ReplicaLagMonitor monitor, Duration pollInterval,
			ProgressLine progress) {
		this.worker = worker;
		this.monitor = monitor;
		this.pollInterval = pollInterval;
		this.progress = progress;
		this.throttle = new LagThrottle(limits, this::lags);
	}

	/** The throttle's state as last measured. */
	ThrottleState state() {
		return this.throttle.state();
	}

	/**
	 * Waits while the replicas lag; returns the state the backfill was moved to by a
	 * command meanwhile, if it is no longer running.
	 */
	Optional<BackfillState> await() throws SQLException {
		ThrottleState state = measure();
		if (!state.isThrottled()) {
			return Optional.empty();
		}
		this.worker.store().throttle(this.worker.connection().get(), this.worker.name(), Optional.of(state.reason()));
		announce(state);
		try {
			while (true) {
				Interruptible.sleep(this.pollInterval);
				BackfillState stored = this.worker.store().state(this.worker.connection().get(), this.worker.name());
				if (stored != BackfillState.RUNNING) {
					return Optional.of(stored);
				}
				state = measure();
				if (!state.isThrottled()) {
					return Optional.empty();
				}
			}
		}
		finally {
			this.worker.store().throttle(this.worker.connection().get(), this.worker.name(), Optional.empty());
			announce(ThrottleState.RUNNING);
		}
	}

	private void announce(ThrottleState state) {
		String name = this.worker.name();
		this.worker.listeners().tell((listener) -> listener.throttleChanged(name, state));
		this.progress.throttle(state);
	}

	private ThrottleState measure() {
		try {
			return this.throttle.check();
		}
		catch (RuntimeException ex) {
			// A lag that cannot be read now must not stop the backfill; the last known
			// state stands.
			logger.warn("Backfill {}: could not measure replica lag: {}", this.worker.name(),
					DatabaseMessageRedaction.redact(ex.getMessage()));
			return this.throttle.state();
		}
	}

	private List<ReplicaLag> lags() {
		try {
			return this.monitor.measure(this.worker.connection().get());
		}
		catch (SQLException ex) {
			throw new MigratorException(ErrorCode.REPLICA_LAG_ERROR,
					"Could not read pg_stat_replication: " + ex.getMessage(), ex);
		}
	}

}

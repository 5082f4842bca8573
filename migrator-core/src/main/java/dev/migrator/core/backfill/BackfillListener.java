package dev.migrator.core.backfill;

import dev.migrator.core.replica.ThrottleState;

/**
 * Told about a backfill as it runs. Listeners observe only (logging, metrics, the
 * Actuator view) and never drive SQL; one that throws is logged and ignored, so it cannot
 * break a backfill. Calls come from the worker's thread.
 */
public interface BackfillListener {

	/** A batch committed together with its progress. */
	default void batchDone(BatchReport report) {
	}

	/** A batch was rolled back; it is split, retried, or the backfill fails. */
	default void batchFailed(BatchFailure failure) {
	}

	/** The backfill's stored state changed, by a worker or a command. */
	default void stateChanged(String backfill, BackfillState from, BackfillState to) {
	}

	/** The worker started or stopped waiting for replicas. */
	default void throttleChanged(String backfill, ThrottleState state) {
	}

}

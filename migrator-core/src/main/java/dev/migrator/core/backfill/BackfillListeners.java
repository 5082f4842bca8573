package dev.migrator.core.backfill;

import dev.migrator.core.replica.ThrottleState;

import java.util.List;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells every listener, so that one that throws is logged and the others and the backfill
 * go on.
 */
final class BackfillListeners {

	private static final Logger logger = LoggerFactory.getLogger(BackfillListeners.class);

	private final List<BackfillListener> listeners;

	BackfillListeners(List<BackfillListener> listeners) {
		this.listeners = List.copyOf(listeners);
	}

	void batchDone(BatchReport report) {
		each((listener) -> listener.batchDone(report));
	}

	void batchFailed(BatchFailure failure) {
		each((listener) -> listener.batchFailed(failure));
	}

	void stateChanged(String backfill, BackfillState from, BackfillState to) {
		each((listener) -> listener.stateChanged(backfill, from, to));
	}

	void throttleChanged(String backfill, ThrottleState state) {
		each((listener) -> listener.throttleChanged(backfill, state));
	}

	private void each(Consumer<BackfillListener> call) {
		for (BackfillListener listener : this.listeners) {
			try {
				call.accept(listener);
			}
			catch (RuntimeException ex) {
				logger.warn("Backfill listener {} failed: {}", listener, ex.toString());
			}
		}
	}

}

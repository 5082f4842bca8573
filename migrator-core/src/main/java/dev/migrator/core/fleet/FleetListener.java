package dev.migrator.core.fleet;

import java.time.Duration;

/**
 * Told how this process's part of a fleet run goes (metrics, dashboards). Called from the
 * fleet's worker threads; a listener that throws is logged and does not stop the run.
 */
public interface FleetListener {

	/** This process joined a run of so many targets. */
	default void runStarted(String runKey, int targets) {
	}

	/** This process finished one target's work. */
	default void targetFinished(FleetTarget target, TargetOutcome outcome, Duration duration) {
	}

	/**
	 * This process's part ended; the result is the whole run as the run table holds it.
	 */
	default void runFinished(FleetResult result) {
	}

}

package dev.migrator.core.runtime;

import dev.migrator.core.script.PlanStep;

/**
 * Told about each step as a run goes. Listeners observe only: logging, metrics and the
 * Actuator view hang here and never drive SQL themselves. A listener that throws is
 * logged and ignored, so it cannot break a migration.
 */
public interface MigrationListener {

	default void stepStarted(PlanStep step) {
	}

	default void stepFinished(StepResult result) {
	}

	/**
	 * A statement of the running step's SQL revision is about to run; {@code line} is
	 * where it starts in the revision file.
	 */
	default void statementStarted(PlanStep step, int line) {
	}

	/**
	 * A statement or transaction of the running step gave up waiting for a lock and is
	 * about to be tried again after the retry's delay.
	 */
	default void lockTimeoutRetried(LockRetry retry) {
	}

}

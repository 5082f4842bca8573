package dev.migrator.core.runtime;

import dev.migrator.core.dialect.Dialect;
import dev.migrator.core.sql.DurationText;
import dev.migrator.core.script.PlanStep;

import java.sql.SQLException;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.random.RandomGenerator;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one unit of a step's work (a transaction, or one statement in autocommit) and runs
 * it again after a lock timeout, with the backoff of {@link LockTimeoutRetry}; each retry
 * is logged and told to the listeners. The caller makes sure the unit can run again: a
 * transaction was rolled back, an autocommit statement that failed changed nothing.
 */
final class LockTimeoutRetrier {

	private static final Logger logger = LoggerFactory.getLogger(LockTimeoutRetrier.class);

	private final Dialect dialect;

	private final LockTimeoutRetry policy;

	private final Listeners<MigrationListener> listeners;

	private final PlanStep step;

	private final RandomGenerator random;

	private int retries;

	private int lastAttempts;

	LockTimeoutRetrier(Dialect dialect, LockTimeoutRetry policy, Listeners<MigrationListener> listeners,
			PlanStep step) {
		// java.util.Random, not RandomGenerator.getDefault(): the latter looks its
		// algorithm up through the context
		// class loader, which finds nothing inside a Maven plugin.
		this(dialect, policy, listeners, step, new java.util.Random());
	}

	LockTimeoutRetrier(Dialect dialect, LockTimeoutRetry policy, Listeners<MigrationListener> listeners, PlanStep step,
			RandomGenerator random) {
		this.dialect = dialect;
		this.policy = policy;
		this.listeners = listeners;
		this.step = step;
		this.random = random;
	}

	/** Runs the work, retrying lock timeouts. */
	<T> T run(String what, Work<T> work) throws Exception {
		return run(what, work, () -> true);
	}

	/**
	 * Runs the work, retrying lock timeouts while {@code mayRetry} says the work can
	 * safely run again (a Java migration that committed part of itself cannot).
	 */
	<T> T run(String what, Work<T> work, BooleanSupplier mayRetry) throws Exception {
		for (int attempt = 1;; attempt++) {
			this.lastAttempts = attempt;
			try {
				return work.run();
			}
			catch (Exception ex) {
				if (!isLockTimeout(ex) || attempt >= this.policy.attempts() || !mayRetry.getAsBoolean()) {
					throw ex;
				}
				Duration delay = this.policy.delayBefore(attempt, this.random);
				this.retries++;
				LockRetry retry = new LockRetry(this.step.revision().id(), this.step.direction(), attempt,
						this.policy.attempts(), delay, what);
				logger.warn("Revision {}: {} gave up waiting for a lock (attempt {} of {}); trying again in {}",
						retry.revision(), what, attempt, retry.attempts(), DurationText.format(delay));
				this.listeners.tell((listener) -> listener.lockTimeoutRetried(retry));
				pause(delay);
			}
		}
	}

	/** How many retries this step made so far, over all its units. */
	int retries() {
		return this.retries;
	}

	/** How many attempts the last unit made. */
	int lastAttempts() {
		return this.lastAttempts;
	}

	/** Whether the exception, or one it was caused by, is the database's lock timeout. */
	boolean isLockTimeout(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof SQLException sql && this.dialect.isLockTimeout(sql)) {
				return true;
			}
			if (cause.getCause() == cause) {
				break;
			}
		}
		return false;
	}

	private static void pause(Duration delay) throws InterruptedException {
		Thread.sleep(delay.toMillis());
	}

	/** One unit of work. */
	@FunctionalInterface
	interface Work<T> {

		T run() throws Exception;

	}

}

package dev.migrator.core.runtime;

import dev.migrator.core.dialect.Dialect;
import dev.migrator.core.sql.DurationText;
import dev.migrator.core.script.PlanStep;

import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
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

	/**
	 * How often a transaction holding a lock is looked for again, at first: the sooner
	 * its end is seen, the likelier the next attempt meets no other.
	 */
	private static final Duration HOLDER_POLL_FIRST = Duration.ofMillis(10);

	private static final Duration HOLDER_POLL_LONGEST = Duration.ofMillis(100);

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
		boolean lockedWithoutWaiting = true;
		for (int attempt = 1;; attempt++) {
			this.lastAttempts = attempt;
			try {
				return work.run();
			}
			catch (LockNotTakenWithoutWaitingException ex) {
				// The work looks at the lock's holders from now on, so this happens once.
				if (!lockedWithoutWaiting || !mayRetry.getAsBoolean()) {
					throw (ex.getCause() instanceof SQLException cause) ? cause : ex;
				}
				lockedWithoutWaiting = false;
				attempt--;
				logger.debug("Revision {}: {} met a conflicting table lock; running it again after a look at its "
						+ "holders", this.step.revision().id(), what);
			}
			catch (Exception ex) {
				if (!isLockTimeout(ex) || attempt >= this.policy.attempts() || !mayRetry.getAsBoolean()) {
					throw ex;
				}
				Optional<LockWaitAvoidedException> avoided = avoided(ex);
				Duration delay = avoided.isPresent() ? this.policy.longestDelayBefore(attempt)
						: this.policy.delayBefore(attempt, this.random);
				this.retries++;
				LockRetry retry = new LockRetry(this.step.revision().id(), this.step.direction(), attempt,
						this.policy.attempts(), delay, what);
				if (avoided.isPresent()) {
					logger.warn(
							"Revision {}: {} would wait in the lock queue, holding up every query on table {}, "
									+ "behind {} (attempt {} of {}); waiting outside the queue for up to {}",
							retry.revision(), what, avoided.get().lock().describe(),
							LockWaitAvoidedException.describe(avoided.get().holders()), attempt, retry.attempts(),
							DurationText.format(delay));
				}
				else {
					logger.warn("Revision {}: {} gave up waiting for a lock (attempt {} of {}); trying again in {}",
							retry.revision(), what, attempt, retry.attempts(), DurationText.format(delay));
				}
				this.listeners.tell((listener) -> listener.lockTimeoutRetried(retry));
				if (avoided.isPresent()) {
					awaitHoldersGone(avoided.get(), delay, ex);
				}
				else {
					pause(delay);
				}
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

	/**
	 * The statement not sent because a long transaction held a conflicting lock, if that
	 * is what failed.
	 */
	static Optional<LockWaitAvoidedException> avoided(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof LockWaitAvoidedException avoided) {
				return Optional.of(avoided);
			}
			if (cause.getCause() == cause) {
				break;
			}
		}
		return Optional.empty();
	}

	/**
	 * Polls, outside the lock queue, until no long transaction holds a conflicting lock
	 * any more or {@code longest} has passed; the next attempt follows at once, before
	 * another long transaction is likely to begin.
	 */
	private static void awaitHoldersGone(LockWaitAvoidedException avoided, Duration longest, Exception failure)
			throws Exception {
		long deadline = System.nanoTime() + longest.toNanos();
		long pause = HOLDER_POLL_FIRST.toMillis();
		while (System.nanoTime() - deadline < 0) {
			try {
				if (avoided.currentHolders().isEmpty()) {
					return;
				}
			}
			catch (SQLException ex) {
				failure.addSuppressed(ex);
				throw failure;
			}
			long left = (deadline - System.nanoTime()) / 1_000_000;
			Thread.sleep(Math.max(1, Math.min(pause, left)));
			pause = Math.min(pause * 2, HOLDER_POLL_LONGEST.toMillis());
		}
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

package dev.migrator.core.runtime;

import dev.migrator.core.error.ErrorCode;

import dev.migrator.core.error.MigratorException;
import dev.migrator.core.sql.DurationText;

import java.time.Duration;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * How a revision tries again after a statement gave up waiting for a lock (PostgreSQL's
 * {@code lock_not_available}, SQLState {@code 55P03}): a short lock timeout is only safe
 * if giving up is followed by another try, later, when the long transaction that held the
 * lock may have ended. The pause grows exponentially from {@code baseDelay} up to
 * {@code maxDelay}, with jitter so that several runners do not retry in step.
 *
 * @param attempts how many times a statement or transaction is tried in all; 1 never
 * retries
 * @param baseDelay the pause before the first retry (before jitter)
 * @param maxDelay the longest pause
 */
public record LockTimeoutRetry(int attempts, Duration baseDelay, Duration maxDelay) {

	public static final int DEFAULT_ATTEMPTS = 10;

	public static final Duration DEFAULT_BASE_DELAY = Duration.ofMillis(100);

	public static final Duration DEFAULT_MAX_DELAY = Duration.ofSeconds(10);

	public LockTimeoutRetry {
		Objects.requireNonNull(baseDelay, "baseDelay");
		Objects.requireNonNull(maxDelay, "maxDelay");
		if (attempts < 1) {
			throw new MigratorException(ErrorCode.INVALID_CONFIGURATION,
					"The lock retry attempts must be at least 1 (1 never " + "retries), but are " + attempts + ".");
		}
		if (baseDelay.isNegative() || maxDelay.isNegative()) {
			throw new MigratorException(ErrorCode.INVALID_CONFIGURATION,
					"The lock retry delays cannot be negative, but are " + DurationText.format(baseDelay) + " and "
							+ DurationText.format(maxDelay) + ". Give durations such as 500ms and 10s.");
		}
		if (maxDelay.compareTo(baseDelay) < 0) {
			throw new MigratorException(ErrorCode.INVALID_CONFIGURATION,
					"The lock retry max delay " + DurationText.format(maxDelay) + " is shorter than its base delay "
							+ DurationText.format(baseDelay) + ". Make the max delay at least the base delay.");
		}
	}

	/**
	 * Ten attempts, pauses from 100 ms doubling up to 10 s: about 33 s of pauses in all,
	 * since with a short lock timeout an attempt that gives up costs the application
	 * little, and one that waits for a long transaction does so outside the lock queue.
	 */
	public static LockTimeoutRetry defaults() {
		return new LockTimeoutRetry(DEFAULT_ATTEMPTS, DEFAULT_BASE_DELAY, DEFAULT_MAX_DELAY);
	}

	/** One attempt: a lock timeout fails the revision at once. */
	public static LockTimeoutRetry never() {
		return new LockTimeoutRetry(1, Duration.ZERO, Duration.ZERO);
	}

	/**
	 * The longest pause before retry number {@code retry}: {@code baseDelay·2^(retry−1)}
	 * capped at {@code maxDelay}, without jitter. A retry that waits for a long
	 * transaction to end, outside the lock queue, waits no longer.
	 */
	public Duration longestDelayBefore(int retry) {
		return Duration.ofMillis(exponential(retry));
	}

	/**
	 * The pause before retry number {@code retry} (1 before the second attempt):
	 * {@code baseDelay·2^(retry−1)} capped at {@code maxDelay}, of which a random part up
	 * to half is left out ("equal jitter").
	 */
	public Duration delayBefore(int retry, RandomGenerator random) {
		long exponential = exponential(retry);
		long half = exponential / 2;
		return Duration.ofMillis(exponential - half + ((half > 0) ? random.nextLong(half + 1) : 0));
	}

	private long exponential(int retry) {
		long base = this.baseDelay.toMillis();
		long ceiling = this.maxDelay.toMillis();
		long exponential = (retry >= 63 || base == 0) ? ceiling : Math.min(ceiling, base << Math.min(retry - 1, 30));
		return (exponential < 0) ? ceiling : exponential;
	}

}

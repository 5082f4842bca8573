package dev.migrator.core.backfill;

import dev.migrator.core.dialect.LockHolder;

import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Comes back to rows other sessions hold, once everything else is done: waits between
 * attempts, doubling from a tenth of a second up to two seconds, and stops the backfill
 * as failed, naming the session that holds the row, when they stay held through
 * {@link #MAX_ATTEMPTS} attempts in a row (about 17 seconds): an application transaction
 * that holds a row that long is a fault to look at, and a backfill resumed later comes
 * back to the row again.
 */
final class HeldRowWait {

	private static final Logger logger = LoggerFactory.getLogger(HeldRowWait.class);

	static final int MAX_ATTEMPTS = 12;

	private static final Duration FIRST_WAIT = Duration.ofMillis(100);

	private static final Duration MAX_WAIT = Duration.ofSeconds(2);

	private final WorkerContext worker;

	private final BatchAttempt attempt;

	private final FailurePolicy failures;

	private int attempts;

	private long waitedNanos;

	HeldRowWait(WorkerContext worker, BatchAttempt attempt, FailurePolicy failures) {
		this.worker = worker;
		this.attempt = attempt;
		this.failures = failures;
	}

	/** A batch got further: held rows found later start a new count. */
	void progressed() {
		this.attempts = 0;
		this.waitedNanos = 0;
	}

	/**
	 * A batch found nothing but held rows; waits before the next attempt.
	 * @throws BackfillFailedException when they stayed held too long
	 */
	void held(List<HeldRow> rows) {
		this.attempts++;
		String name = this.worker.name();
		String key = KeyText.display(rows.get(0).key());
		if (this.attempts >= MAX_ATTEMPTS) {
			String holder;
			try {
				holder = this.attempt.holder(rows.get(0).key())
					.map(LockHolder::describe)
					.map((h) -> " by the transaction of " + h)
					.orElse(" by another session");
			}
			catch (SQLException ex) {
				holder = " by another session";
			}
			throw this.failures.fail(String.format(Locale.ROOT,
					"the row with key %s stayed locked%s through %d attempts over %.1f s, while every other row "
							+ "was done",
					key, holder, this.attempts, this.waitedNanos / 1e9), new IllegalStateException("held row " + key));
		}
		Duration wait = FIRST_WAIT.multipliedBy(1L << Math.min(this.attempts - 1, 6));
		wait = (wait.compareTo(MAX_WAIT) > 0) ? MAX_WAIT : wait;
		if (this.attempts == 1) {
			logger.info("Backfill {}: the row with key {} is locked by another session; coming back to it", name, key);
		}
		else {
			logger.debug("Backfill {}: the row with key {} is still locked (attempt {} of {})", name, key,
					this.attempts, MAX_ATTEMPTS);
		}
		this.waitedNanos += wait.toNanos();
		Interruptible.sleep(wait);
	}

}

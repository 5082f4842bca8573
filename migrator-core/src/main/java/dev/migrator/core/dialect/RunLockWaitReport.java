package dev.migrator.core.dialect;

import dev.migrator.core.sql.DurationText;

import java.sql.SQLException;
import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Says, while a runner waits for the run lock, who holds it: at once, then every
 * {@link #INTERVAL}, so that a job waiting up to its lock wait (ten minutes unless set)
 * does not look hung, and its reader knows whom it waits for.
 */
final class RunLockWaitReport {

	/** How often a runner that still waits says so again. */
	static final Duration INTERVAL = Duration.ofSeconds(30);

	private static final Logger logger = LoggerFactory.getLogger(RunLockWaitReport.class);

	private final String lock;

	private final Duration wait;

	private final Holder holder;

	private final long started = System.nanoTime();

	private long next = this.started;

	RunLockWaitReport(String lock, Duration wait, Holder holder) {
		this.lock = lock;
		this.wait = wait;
		this.holder = holder;
	}

	/** Called on each unsuccessful attempt; logs when a report is due. */
	void stillWaiting() {
		long now = System.nanoTime();
		if (now - this.next < 0) {
			return;
		}
		this.next = now + INTERVAL.toNanos();
		String who;
		try {
			who = this.holder.describe();
		}
		catch (SQLException ex) {
			who = "another runner (who could not be read: " + ex.getMessage() + ")";
		}
		Duration waited = Duration.ofNanos(now - this.started).withNanos(0);
		logger.info(
				"Waiting for the migration lock {}, held by {}; waited {} of up to {} (the lock wait), "
						+ "and saying so again every {}",
				this.lock, who, DurationText.format(waited), DurationText.format(this.wait),
				DurationText.format(INTERVAL));
	}

	/** What is known of whoever holds the lock. */
	@FunctionalInterface
	interface Holder {

		String describe() throws SQLException;

	}

}

package dev.migrator.core.backfill;

import java.time.Duration;

/**
 * The waits of a backfill worker, which end early when its thread is interrupted: the
 * worker then stops between batches, leaving the backfill running for the next run.
 */
final class Interruptible {

	private Interruptible() {
	}

	/** Waits, unless the duration is zero. */
	static void sleep(Duration duration) {
		if (duration.isZero()) {
			return;
		}
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new Interrupted();
		}
	}

	/** Stops here when the thread was interrupted. */
	static void checkInterrupted() {
		if (Thread.currentThread().isInterrupted()) {
			throw new Interrupted();
		}
	}

	/** The worker's thread was interrupted. */
	static final class Interrupted extends RuntimeException {

		private static final long serialVersionUID = 1L;

		Interrupted() {
			super(null, null, false, false);
		}

	}

}

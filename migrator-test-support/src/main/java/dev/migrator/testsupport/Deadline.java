package dev.migrator.testsupport;

import java.sql.SQLException;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * Polls a database condition until it holds or time runs out, which then fails with the
 * given explanation.
 */
final class Deadline {

	private static final long POLL_MILLIS = 20;

	private final long nanos;

	private Deadline(long nanos) {
		this.nanos = nanos;
	}

	static Deadline after(Duration timeout) {
		return new Deadline(System.nanoTime() + timeout.toNanos());
	}

	void await(Condition condition, Supplier<String> failure) throws SQLException {
		while (!condition.holds()) {
			if (System.nanoTime() - this.nanos > 0) {
				throw new IllegalStateException(failure.get());
			}
			try {
				Thread.sleep(POLL_MILLIS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("Interrupted while waiting", ex);
			}
		}
	}

	@FunctionalInterface
	interface Condition {

		boolean holds() throws SQLException;

	}

}

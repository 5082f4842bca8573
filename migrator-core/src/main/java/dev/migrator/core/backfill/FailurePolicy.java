package dev.migrator.core.backfill;

import dev.migrator.core.sql.DatabaseMessageRedaction;

import java.sql.SQLException;
import java.time.Duration;
import java.util.OptionalInt;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What follows a failed batch: a smaller batch after a statement timeout, a retry after a
 * backoff (on a new connection when the old one broke), or, for an error no retry can fix
 * or too many failures in a row, the backfill stopped as failed.
 */
final class FailurePolicy {

	private static final Logger logger = LoggerFactory.getLogger(FailurePolicy.class);

	/** Batches failing in a row before the backfill stops as failed. */
	static final int MAX_ATTEMPTS = 5;

	private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);

	private final WorkerContext worker;

	private final BatchSizer sizer;

	private int failures;

	FailurePolicy(WorkerContext worker, BatchSizer sizer) {
		this.worker = worker;
		this.sizer = sizer;
	}

	/** A batch committed: the failures in a row start again from none. */
	void succeeded() {
		this.failures = 0;
	}

	/**
	 * Decides about a batch of {@code size} rows that failed, and waits before the next
	 * attempt.
	 * @throws BackfillFailedException when the backfill stops as failed
	 */
	void failed(Exception ex, int size) {
		String name = this.worker.name();
		FailureKind kind = FailureKind.of(ex, !this.worker.store().hasChunks(), this.worker.connection().isClosed());
		String error = FailureKind.describe(ex);
		if (kind == FailureKind.TIMEOUT) {
			OptionalInt smaller = this.sizer.split();
			if (smaller.isPresent()) {
				logger.info("Backfill {}: a batch of {} rows hit the statement timeout; retrying with {}", name, size,
						smaller.getAsInt());
				tell(new BatchFailure(name, size, this.failures + 1, error, BatchFailure.Outcome.SPLIT,
						smaller.getAsInt()));
				return;
			}
			error = "a batch of " + size + " rows, the smallest allowed, took longer than the statement timeout: "
					+ error;
		}
		this.failures++;
		if (kind == FailureKind.PERMANENT || this.failures >= MAX_ATTEMPTS) {
			tell(new BatchFailure(name, size, this.failures, error, BatchFailure.Outcome.FAIL, size));
			String why = (kind == FailureKind.PERMANENT) ? "a batch failed in a way a retry cannot fix"
					: this.failures + " batches failed in a row";
			throw fail(why + ": " + error, ex);
		}
		tell(new BatchFailure(name, size, this.failures, error, BatchFailure.Outcome.RETRY, size));
		logger.warn("Backfill {}: batch of {} rows failed (attempt {} of {}), retrying: {}", name, size, this.failures,
				MAX_ATTEMPTS, error);
		if (kind == FailureKind.CONNECTION) {
			// The dead connection is dropped at once, not retried: the batch it ran was
			// rolled back with it, and the retry runs on a new one from the DataSource.
			logger.info("Backfill {}: the connection was lost; taking a new one from the data source", name);
			this.worker.connection().reconnect();
		}
		try {
			this.worker.store().noteError(this.worker.connection().get(), name, error);
		}
		catch (SQLException noted) {
			// Only for status: the retry itself finds out whether the connection works.
			logger.debug("Backfill {}: could not note the error: {}", name,
					DatabaseMessageRedaction.redact(noted.getMessage()));
		}
		Interruptible.sleep(backoff());
	}

	/** Stores the backfill's failure and returns the exception to throw. */
	BackfillFailedException fail(String reason, Throwable cause) {
		String name = this.worker.name();
		String lastKey = "";
		try {
			this.worker.connection().ensureValid();
			lastKey = this.worker.store()
				.read(this.worker.connection().get(), name)
				.flatMap(ProgressRow::lastKey)
				.map((key) -> " (last committed key " + KeyText.display(KeyText.decode(key)) + ")")
				.orElse("");
			if (this.worker.store().fail(this.worker.connection().get(), name, reason)) {
				this.worker.listeners()
					.tell((listener) -> listener.stateChanged(name, BackfillState.RUNNING, BackfillState.FAILED));
			}
		}
		catch (SQLException | RuntimeException ex) {
			cause.addSuppressed(ex);
			logger.error("Backfill {}: could not record its failure: {}", name,
					DatabaseMessageRedaction.redact(ex.getMessage()));
		}
		String message = "Backfill " + name + " (revision " + this.worker.revision() + ", table "
				+ this.worker.backfill().table() + ") failed: " + reason + ". The batches committed before stay done"
				+ lastKey + "; fix the cause, then resume it (backfill-resume) and run it again (backfill).";
		logger.error(message);
		return new BackfillFailedException(name, message, cause);
	}

	private Duration backoff() {
		// Doubling from a tenth of a second: a lock or a conflict usually clears within
		// the first few waits.
		Duration wait = this.worker.backfill()
			.pause()
			.plusMillis(100)
			.multipliedBy(1L << Math.min(this.failures - 1, 6));
		return (wait.compareTo(MAX_BACKOFF) > 0) ? MAX_BACKOFF : wait;
	}

	private void tell(BatchFailure failure) {
		this.worker.listeners().tell((listener) -> listener.batchFailed(failure));
	}

}

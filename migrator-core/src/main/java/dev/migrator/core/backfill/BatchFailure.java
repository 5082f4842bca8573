package dev.migrator.core.backfill;

import java.util.Objects;

/**
 * A batch that was rolled back.
 *
 * @param backfill the backfill's name
 * @param batchSize the size it ran with
 * @param attempt how many batches in a row have failed, this one included
 * @param error what the database (or the function) said
 * @param outcome what happens next
 * @param nextBatchSize the size of the retry; the same size when it is not split
 */
public record BatchFailure(String backfill, int batchSize, int attempt, String error, Outcome outcome,
		int nextBatchSize) {

	public BatchFailure {
		Objects.requireNonNull(backfill, "backfill");
		Objects.requireNonNull(error, "error");
		Objects.requireNonNull(outcome, "outcome");
	}

	/** What follows a failed batch. */
	public enum Outcome {

		/** It hit the statement timeout and is retried with fewer rows. */
		SPLIT,

		/** It is retried as it was, after a short wait. */
		RETRY,

		/** The backfill stops as failed. */
		FAIL

	}

}

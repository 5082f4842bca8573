package dev.migrator.core.backfill;

import dev.migrator.core.replica.ThrottleState;

import java.time.Duration;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * One committed batch.
 *
 * @param backfill the backfill's name
 * @param rows rows the batch changed
 * @param scanned rows of the table in the batch's key range
 * @param batchSize the batch size it ran with
 * @param nextBatchSize the size the next batch runs with, after adapting to this one's
 * duration
 * @param duration how long the batch's transaction took
 * @param throttle the throttle's state when the batch ran
 * @param rowsDone rows changed so far by every worker
 * @param rowsScanned rows walked so far by every worker
 * @param estimatedTotal the table's estimated row count
 * @param lastKey the batch's last key, as text
 */
public record BatchReport(String backfill, long rows, long scanned, int batchSize, int nextBatchSize, Duration duration,
		ThrottleState throttle, long rowsDone, long rowsScanned, OptionalLong estimatedTotal, String lastKey) {

	public BatchReport {
		Objects.requireNonNull(backfill, "backfill");
		Objects.requireNonNull(duration, "duration");
		Objects.requireNonNull(throttle, "throttle");
		Objects.requireNonNull(estimatedTotal, "estimatedTotal");
		Objects.requireNonNull(lastKey, "lastKey");
	}

}

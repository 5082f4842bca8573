package dev.migrator.core.backfill;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * One row of the progress table as stored.
 *
 * @param name the backfill
 * @param revision the revision that declared it
 * @param table its table
 * @param state its state
 * @param lastKey the last committed batch's last key, encoded as stored
 * @param rowsDone rows changed
 * @param rowsScanned rows walked
 * @param estimatedTotal the table's estimated row count
 * @param batchSize the latest batch size
 * @param throttle why it waits for replicas, while it does
 * @param startedAt when it first ran
 * @param updatedAt when the row last changed
 * @param lastError the latest error
 * @param tracksActiveTime whether the table has the running-time columns (a table from an
 * earlier version gets them when a worker next starts)
 * @param activeMillis the time spent running in stretches that ended
 * @param activeSince when the current running stretch began; empty unless running
 */
public record ProgressRow(String name, String revision, String table, BackfillState state, Optional<String> lastKey,
		long rowsDone, long rowsScanned, OptionalLong estimatedTotal, OptionalInt batchSize, Optional<String> throttle,
		Optional<Instant> startedAt, Optional<Instant> updatedAt, Optional<String> lastError, boolean tracksActiveTime,
		OptionalLong activeMillis, Optional<Instant> activeSince) {

	public ProgressRow {
		Objects.requireNonNull(name, "name");
		Objects.requireNonNull(revision, "revision");
		Objects.requireNonNull(table, "table");
		Objects.requireNonNull(state, "state");
		Objects.requireNonNull(activeMillis, "activeMillis");
		Objects.requireNonNull(activeSince, "activeSince");
	}

	/**
	 * How long it has run, without the time it was paused or waiting to be resumed; empty
	 * for a row that does not track it yet.
	 */
	public Optional<Duration> runningTime() {
		if (this.activeMillis.isEmpty() && this.activeSince.isEmpty()) {
			return Optional.empty();
		}
		long millis = this.activeMillis.orElse(0);
		if (this.activeSince.isPresent() && this.updatedAt.isPresent()) {
			millis += Math.max(0, Duration.between(this.activeSince.get(), this.updatedAt.get()).toMillis());
		}
		return Optional.of(Duration.ofMillis(millis));
	}

	/** The status this row reports. */
	public BackfillStatus status(boolean revisionApplied) {
		return new BackfillStatus(this.name, this.revision, this.table, revisionApplied, this.state,
				this.lastKey.map((key) -> KeyText.display(KeyText.decode(key))), this.rowsDone, this.rowsScanned,
				this.estimatedTotal, this.batchSize, this.throttle, this.startedAt, this.updatedAt, this.lastError,
				runningTime());
	}

}

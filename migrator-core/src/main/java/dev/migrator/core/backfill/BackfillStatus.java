package dev.migrator.core.backfill;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * Where one backfill stands, as its progress row says: what the {@code backfill-status}
 * command, the endpoint and the metrics report.
 *
 * @param name the backfill
 * @param revision the revision that declares it
 * @param table its table
 * @param revisionApplied whether that revision is applied, so the backfill may run
 * @param state its state; {@code pending} until it first runs
 * @param lastKey the key of the last committed batch, as text; empty before the first
 * batch
 * @param rowsDone rows changed so far
 * @param rowsScanned rows of the table walked so far, matching the predicate or not
 * @param estimatedTotal the table's estimated row count when the backfill started
 * @param batchSize the current batch size
 * @param throttle why it waits for replicas, while it does
 * @param startedAt when it first ran
 * @param updatedAt when its progress row last changed
 * @param lastError the error that failed it, or the last one retried
 * @param runningTime how long it has run, without paused or pending time; empty when its
 * progress table does not track it yet (then the time from start to the last update
 * counts)
 */
public record BackfillStatus(String name, String revision, String table, boolean revisionApplied, BackfillState state,
		Optional<String> lastKey, long rowsDone, long rowsScanned, OptionalLong estimatedTotal, OptionalInt batchSize,
		Optional<String> throttle, Optional<Instant> startedAt, Optional<Instant> updatedAt, Optional<String> lastError,
		Optional<Duration> runningTime) {

	public BackfillStatus {
		Objects.requireNonNull(name, "name");
		Objects.requireNonNull(revision, "revision");
		Objects.requireNonNull(table, "table");
		Objects.requireNonNull(state, "state");
		Objects.requireNonNull(lastKey, "lastKey");
		Objects.requireNonNull(estimatedTotal, "estimatedTotal");
		Objects.requireNonNull(batchSize, "batchSize");
		Objects.requireNonNull(throttle, "throttle");
		Objects.requireNonNull(startedAt, "startedAt");
		Objects.requireNonNull(updatedAt, "updatedAt");
		Objects.requireNonNull(lastError, "lastError");
		Objects.requireNonNull(runningTime, "runningTime");
	}

	/**
	 * The share of the table walked, 0 to 100; 100 once done, empty while the size is
	 * unknown.
	 */
	public OptionalDouble percent() {
		if (this.state == BackfillState.DONE) {
			return OptionalDouble.of(100);
		}
		if (this.estimatedTotal.isEmpty() || this.estimatedTotal.getAsLong() <= 0) {
			return OptionalDouble.empty();
		}
		return OptionalDouble.of(Math.min(99.9, 100.0 * this.rowsScanned / this.estimatedTotal.getAsLong()));
	}

	/** Rows changed per second of running (paused time left out). */
	public double rowsPerSecond() {
		double seconds = workedMillis().orElse(0) / 1000.0;
		return (seconds <= 0) ? 0 : this.rowsDone / seconds;
	}

	private OptionalLong workedMillis() {
		if (this.runningTime.isPresent()) {
			return OptionalLong.of(this.runningTime.get().toMillis());
		}
		if (this.startedAt.isEmpty() || this.updatedAt.isEmpty()) {
			return OptionalLong.empty();
		}
		return OptionalLong.of(Duration.between(this.startedAt.get(), this.updatedAt.get()).toMillis());
	}

	/**
	 * How long the rest should take at the rate so far; empty when there is no rate or no
	 * estimate yet.
	 */
	public Optional<Duration> eta() {
		if (this.state == BackfillState.DONE) {
			return Optional.of(Duration.ZERO);
		}
		OptionalLong worked = workedMillis();
		if (this.estimatedTotal.isEmpty() || worked.isEmpty() || this.rowsScanned <= 0) {
			return Optional.empty();
		}
		long millis = worked.getAsLong();
		long remaining = Math.max(0, this.estimatedTotal.getAsLong() - this.rowsScanned);
		return Optional.of(Duration.ofMillis((long) ((double) millis * remaining / this.rowsScanned)));
	}

}

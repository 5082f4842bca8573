package dev.migrator.core.backfill;

import dev.migrator.core.script.BatchSizeBounds;
import java.time.Duration;

/**
 * Adapts the batch size toward the target duration, as GitLab's batched background
 * migrations do: a batch that took clearly less than the target makes the next one
 * larger, one that took clearly more makes it smaller, by the ratio of the two but at
 * most by half or by half again per step, and always within the bounds.
 */
final class BatchSizer {

	// Within 10% of the target is on target: no change, so that the size settles instead
	// of wobbling.
	private static final double TOLERANCE = 0.1;

	private static final double MAX_GROWTH = 1.5;

	private static final double MAX_SHRINK = 0.5;

	private final BatchSizeBounds bounds;

	private final Duration target;

	private int current;

	BatchSizer(BatchSizeBounds bounds, Duration target) {
		this.bounds = bounds;
		this.target = target;
		this.current = bounds.initial();
	}

	int current() {
		return this.current;
	}

	/**
	 * Learns from a committed batch of {@code size} rows that walked {@code scanned} rows
	 * in {@code took}; returns the next size. A short last batch says nothing about the
	 * rate and changes nothing.
	 */
	int next(int size, long scanned, Duration took) {
		if (scanned < size) {
			return this.current;
		}
		double ratio = (double) this.target.toNanos() / Math.max(1, took.toNanos());
		if (Math.abs(1 - 1 / ratio) <= TOLERANCE) {
			return this.current;
		}
		double factor = Math.max(MAX_SHRINK, Math.min(MAX_GROWTH, ratio));
		long proposed = Math.round(size * factor);
		if (factor > 1 && proposed == size) {
			proposed = size + 1;
		}
		this.current = this.bounds.clamp(proposed);
		return this.current;
	}

	/**
	 * Halves the size after a batch hit the statement timeout; empty when it is already
	 * at the lower bound.
	 */
	java.util.OptionalInt split() {
		if (this.current <= this.bounds.min()) {
			return java.util.OptionalInt.empty();
		}
		this.current = this.bounds.clamp(this.current / 2);
		return java.util.OptionalInt.of(this.current);
	}

}

package dev.migrator.core.script;

/**
 * How many rows a batch covers: it starts at {@code initial} and adapts toward the target
 * duration, never below {@code min} nor above {@code max}.
 *
 * @param min the fewest rows in a batch
 * @param max the most rows in a batch
 * @param initial the size of the first batch
 */
public record BatchSizeBounds(int min, int max, int initial) {

	public static final BatchSizeBounds DEFAULT = new BatchSizeBounds(100, 10_000, 1_000);

	public BatchSizeBounds {
		if (min < 1 || max < min || initial < min || initial > max) {
			throw new IllegalArgumentException("Batch sizes must be 1 <= min <= initial <= max, but are min " + min
					+ ", initial " + initial + ", max " + max);
		}
	}

	/** A fixed size: no adapting. */
	public static BatchSizeBounds fixed(int size) {
		return new BatchSizeBounds(size, size, size);
	}

	/** Adapting within the bounds, starting at the low one. */
	public static BatchSizeBounds between(int min, int max) {
		return new BatchSizeBounds(min, max, min);
	}

	public boolean isFixed() {
		return this.min == this.max;
	}

	/** The size clamped into the bounds. */
	public int clamp(long size) {
		return (int) Math.max(this.min, Math.min(this.max, size));
	}

	@Override
	public String toString() {
		return isFixed() ? String.valueOf(this.min) : this.min + "-" + this.max + " (from " + this.initial + ")";
	}

}

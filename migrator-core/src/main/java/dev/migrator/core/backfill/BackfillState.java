package dev.migrator.core.backfill;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Where a backfill stands, as stored in its progress row. */
public enum BackfillState {

	/**
	 * Declared by an applied revision, not started (or resumed, waiting for a worker).
	 */
	PENDING,

	/**
	 * A worker is running it, or one was killed while running it: the next run continues
	 * it.
	 */
	RUNNING,

	/** Stopped on request; {@code resume} makes it pending again. */
	PAUSED,

	/** Every row was processed. */
	DONE,

	/**
	 * Its batches kept failing; the error is stored. {@code resume} makes it pending
	 * again.
	 */
	FAILED,

	/** Stopped for good on request, unless resumed. */
	CANCELLED;

	public String label() {
		return name().toLowerCase(Locale.ROOT);
	}

	/** Whether a run picks it up. */
	public boolean isRunnable() {
		return this == PENDING || this == RUNNING;
	}

	public static Optional<BackfillState> fromLabel(String label) {
		return Arrays.stream(values()).filter((state) -> state.label().equals(label)).findFirst();
	}

}

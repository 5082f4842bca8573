package dev.migrator.core.script;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * How much replica lag work may cause: above a high mark it pauses, and it resumes only
 * once every replica is back below the low mark, so that it does not flap on and off
 * around one value.
 *
 * @param highBytes pause while any replica trails by more WAL than this
 * @param lowBytes resume once every replica trails by at most this much WAL
 * @param highDelay pause while any replica's replay is older than this
 * @param lowDelay resume once every replica's replay is at most this old
 */
public record LagLimits(OptionalLong highBytes, OptionalLong lowBytes, Optional<Duration> highDelay,
		Optional<Duration> lowDelay) {

	/**
	 * The low mark is this fraction of the high mark when only the high mark is given.
	 */
	public static final double DEFAULT_LOW_FRACTION = 0.5;

	public LagLimits {
		Objects.requireNonNull(highBytes, "highBytes");
		Objects.requireNonNull(lowBytes, "lowBytes");
		Objects.requireNonNull(highDelay, "highDelay");
		Objects.requireNonNull(lowDelay, "lowDelay");
		if (highBytes.isPresent() != lowBytes.isPresent() || highDelay.isPresent() != lowDelay.isPresent()) {
			throw new IllegalArgumentException("A lag limit needs both its high and its low mark");
		}
		if (highBytes.isPresent() && (highBytes.getAsLong() <= 0 || lowBytes.getAsLong() < 0
				|| lowBytes.getAsLong() > highBytes.getAsLong())) {
			throw new IllegalArgumentException("Byte lag marks must be 0 <= low <= high and high > 0, but are low "
					+ lowBytes.getAsLong() + " and high " + highBytes.getAsLong());
		}
		if (highDelay.isPresent() && (highDelay.get().isNegative() || highDelay.get().isZero()
				|| lowDelay.get().isNegative() || lowDelay.get().compareTo(highDelay.get()) > 0)) {
			throw new IllegalArgumentException("Delay lag marks must be 0 <= low <= high and high > 0, but are low "
					+ lowDelay.get() + " and high " + highDelay.get());
		}
	}

	/** No limit: work never waits for replicas. */
	public static LagLimits none() {
		return new LagLimits(OptionalLong.empty(), OptionalLong.empty(), Optional.empty(), Optional.empty());
	}

	/**
	 * High marks as given, low marks at {@value #DEFAULT_LOW_FRACTION} of them; an empty
	 * value is no limit.
	 */
	public static LagLimits of(OptionalLong maxBytes, Optional<Duration> maxDelay) {
		OptionalLong low = maxBytes.isPresent() ? OptionalLong.of((long) (maxBytes.getAsLong() * DEFAULT_LOW_FRACTION))
				: OptionalLong.empty();
		Optional<Duration> lowDelay = maxDelay
			.map((d) -> Duration.ofNanos((long) (d.toNanos() * DEFAULT_LOW_FRACTION)));
		return new LagLimits(maxBytes, low, maxDelay, lowDelay);
	}

	/** A byte limit only, with the default low mark. */
	public static LagLimits bytes(long maxBytes) {
		return of(OptionalLong.of(maxBytes), Optional.empty());
	}

	/** A delay limit only, with the default low mark. */
	public static LagLimits delay(Duration maxDelay) {
		return of(OptionalLong.empty(), Optional.of(maxDelay));
	}

	/** Whether no limit is set. */
	public boolean isNone() {
		return this.highBytes.isEmpty() && this.highDelay.isEmpty();
	}

	/**
	 * These limits where set, else the other's: a backfill's own limits over the
	 * configured defaults.
	 */
	public LagLimits or(LagLimits defaults) {
		OptionalLong high = this.highBytes.isPresent() ? this.highBytes : defaults.highBytes;
		OptionalLong low = this.highBytes.isPresent() ? this.lowBytes : defaults.lowBytes;
		Optional<Duration> highTime = this.highDelay.isPresent() ? this.highDelay : defaults.highDelay;
		Optional<Duration> lowTime = this.highDelay.isPresent() ? this.lowDelay : defaults.lowDelay;
		return new LagLimits(high, low, highTime, lowTime);
	}

}

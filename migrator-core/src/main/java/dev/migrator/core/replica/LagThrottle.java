package dev.migrator.core.replica;

import dev.migrator.core.script.LagLimits;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Decides, from fresh lag figures each time it is asked, whether work should pause: above
 * a high mark it throttles, and it lets work go on only once every replica is below the
 * low mark (hysteresis). One instance follows one piece of work; it is not shared between
 * threads.
 */
public final class LagThrottle {

	private final LagLimits limits;

	private final Supplier<List<ReplicaLag>> measure;

	private ThrottleState state = ThrottleState.RUNNING;

	/**
	 * @param limits the marks
	 * @param measure measures the current lags, such as
	 * {@link ReplicaLagMonitor#measure()}
	 */
	public LagThrottle(LagLimits limits, Supplier<List<ReplicaLag>> measure) {
		this.limits = Objects.requireNonNull(limits, "limits");
		this.measure = Objects.requireNonNull(measure, "measure");
	}

	/** Measures and returns the new state; measures nothing when no limit is set. */
	public ThrottleState check() {
		if (this.limits.isNone()) {
			return this.state;
		}
		this.state = next(this.state, this.measure.get());
		return this.state;
	}

	/** The state from the last {@link #check()}. */
	public ThrottleState state() {
		return this.state;
	}

	public LagLimits limits() {
		return this.limits;
	}

	/**
	 * The state that follows {@code current} given these lags: the rule itself, with no
	 * measuring.
	 */
	public ThrottleState next(ThrottleState current, List<ReplicaLag> lags) {
		for (ReplicaLag lag : lags) {
			String over = over(lag, highBytes(), highDelay());
			if (!over.isEmpty()) {
				return ThrottleState.throttled(over);
			}
		}
		if (!current.isThrottled()) {
			return ThrottleState.RUNNING;
		}
		for (ReplicaLag lag : lags) {
			String over = over(lag, this.limits.lowBytes().orElse(Long.MAX_VALUE), this.limits.lowDelay().orElse(null));
			if (!over.isEmpty()) {
				// Still above the low mark: stay throttled, and say why now.
				return ThrottleState.throttled(over + " (waiting for it to fall to the resume mark)");
			}
		}
		return ThrottleState.RUNNING;
	}

	private long highBytes() {
		return this.limits.highBytes().orElse(Long.MAX_VALUE);
	}

	private Duration highDelay() {
		return this.limits.highDelay().orElse(null);
	}

	private static String over(ReplicaLag lag, long maxBytes, Duration maxDelay) {
		if (lag.bytes() > maxBytes) {
			return "replica " + lag.replica() + " is " + ByteCount.format(lag.bytes()) + " behind ("
					+ lag.source().label() + "), over " + ByteCount.format(maxBytes);
		}
		if (maxDelay != null && lag.seconds() * 1000 > maxDelay.toMillis()) {
			return "replica " + lag.replica() + " is " + String.format(Locale.ROOT, "%.1f", lag.seconds())
					+ "s behind (" + lag.source().label() + "), over " + maxDelay.toMillis() / 1000.0 + "s";
		}
		return "";
	}

}

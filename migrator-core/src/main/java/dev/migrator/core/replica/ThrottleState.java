package dev.migrator.core.replica;

import java.util.Objects;

/**
 * Whether throttled work may go on, and if not, why.
 *
 * @param mode running or throttled
 * @param reason which replica is how far behind against which limit; empty while running
 */
public record ThrottleState(Mode mode, String reason) {

	/** Work may go on. */
	public static final ThrottleState RUNNING = new ThrottleState(Mode.RUNNING, "");

	public ThrottleState {
		Objects.requireNonNull(mode, "mode");
		Objects.requireNonNull(reason, "reason");
	}

	public static ThrottleState throttled(String reason) {
		return new ThrottleState(Mode.THROTTLED, reason);
	}

	public boolean isThrottled() {
		return this.mode == Mode.THROTTLED;
	}

	@Override
	public String toString() {
		return isThrottled() ? "throttled (" + this.reason + ")" : "running";
	}

	/** The two states. */
	public enum Mode {

		RUNNING, THROTTLED

	}

}

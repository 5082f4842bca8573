package dev.migrator.core.runtime;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * One row of the append-only history table: one attempt of one step.
 *
 * @param id the row's sequence number
 * @param revision the revision id
 * @param action upgrade, downgrade, stamp or repair
 * @param checksum the revision's checksum at the time
 * @param startedAt when the step started
 * @param finishedAt when it finished
 * @param duration how long it took
 * @param runBy who ran it: operating system user and host
 * @param outcome started, success or failed
 * @param error the error text of a failed step, or what a repair did
 */
public record HistoryEntry(long id, String revision, Action action, String checksum, Instant startedAt,
		Instant finishedAt, Duration duration, String runBy, Outcome outcome, Optional<String> error) {

	/** What the step did. */
	public enum Action {

		UPGRADE, DOWNGRADE, STAMP,

		/**
		 * An operator's repair: an edited revision's checksum recorded anew, or a
		 * part-way step forgotten; the row's checksum is the one applied from then on.
		 */
		REPAIR;

		public String label() {
			return name().toLowerCase(java.util.Locale.ROOT);
		}

		static Action fromLabel(String label) {
			return valueOf(label.toUpperCase(java.util.Locale.ROOT));
		}

	}

	/**
	 * How the step ended. {@code STARTED} without a later row means the runner died
	 * during the step.
	 */
	public enum Outcome {

		STARTED, SUCCESS, FAILED;

		public String label() {
			return name().toLowerCase(java.util.Locale.ROOT);
		}

		static Outcome fromLabel(String label) {
			return valueOf(label.toUpperCase(java.util.Locale.ROOT));
		}

	}

}

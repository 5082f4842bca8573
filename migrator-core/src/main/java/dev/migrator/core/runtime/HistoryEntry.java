package dev.migrator.core.runtime;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * One row of the append-only history table: one attempt of one step.
 *
 * @param id the row's sequence number
 * @param revision the revision id
 * @param action upgrade, downgrade, stamp, repair or baseline
 * @param checksum the revision's checksum at the time
 * @param startedAt when the step started
 * @param finishedAt when it finished
 * @param duration how long it took
 * @param runBy who ran it: operating system user and host
 * @param outcome started, success or failed
 * @param error the error text of a failed step, what a repair did, or which schema a
 * baseline read
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
		REPAIR,

		/**
		 * The baseline command recorded the database at the revision it wrote from the
		 * live schema: as a stamp, the revision did not run here, but the row keeps its
		 * checksum, checked as an upgrade's.
		 */
		BASELINE;

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

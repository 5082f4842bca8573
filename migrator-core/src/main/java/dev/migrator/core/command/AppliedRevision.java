package dev.migrator.core.command;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A revision the database has applied, with when, by whom and how long it was installed,
 * as the history table recorded its latest successful upgrade or stamp.
 *
 * @param id the revision
 * @param message its message
 * @param installedOn when that step finished; empty when the history has no row for it
 * (its rows were removed, or it was applied before the history existed)
 * @param installedBy who ran it, as the history recorded it (the user and host of the
 * process, or Flyway's {@code installed_by} for an imported revision)
 * @param duration how long it took
 * @param stamped whether it was recorded by a stamp (or a baseline) rather than run
 */
public record AppliedRevision(String id, String message, Optional<Instant> installedOn, Optional<String> installedBy,
		Optional<Duration> duration, boolean stamped) {

	public AppliedRevision {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(message, "message");
		Objects.requireNonNull(installedOn, "installedOn");
		Objects.requireNonNull(installedBy, "installedBy");
		Objects.requireNonNull(duration, "duration");
	}

}

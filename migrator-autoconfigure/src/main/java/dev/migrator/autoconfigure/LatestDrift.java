package dev.migrator.autoconfigure;

import dev.migrator.core.command.DriftResult;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The latest drift check of this process, from the job's {@code drift} command or the
 * periodic check of {@code migrator.drift.interval}. The endpoint's drift section and the
 * {@code migrator.schema.drift} gauge read it: a check runs the applied revisions in a
 * scratch schema, far too much to do on every scrape or request.
 */
public final class LatestDrift {

	private final AtomicReference<Reading> latest = new AtomicReference<>();

	private final Clock clock;

	public LatestDrift() {
		this(Clock.systemUTC());
	}

	LatestDrift(Clock clock) {
		this.clock = clock;
	}

	/** Records a check that ran. */
	public void record(DriftResult result) {
		this.latest.set(new Reading(this.clock.instant(), Optional.of(result), Optional.empty()));
	}

	/**
	 * Records a check that could not run.
	 * @param error why, without credentials or row values
	 */
	public void recordFailure(String error) {
		this.latest.set(new Reading(this.clock.instant(), Optional.empty(), Optional.of(error)));
	}

	/** The latest check; empty before the first. */
	public Optional<Reading> get() {
		return Optional.ofNullable(this.latest.get());
	}

	/**
	 * One drift check.
	 *
	 * @param checkedAt when it ended
	 * @param result what it found; empty when it failed
	 * @param error why it failed; empty when it ran
	 */
	public record Reading(Instant checkedAt, Optional<DriftResult> result, Optional<String> error) {

		public Reading {
			Objects.requireNonNull(checkedAt, "checkedAt");
			Objects.requireNonNull(result, "result");
			Objects.requireNonNull(error, "error");
		}

	}

}

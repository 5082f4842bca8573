package dev.migrator.core.runtime;

import dev.migrator.core.script.Direction;

import java.time.Duration;
import java.util.Objects;

/**
 * A statement or transaction of a revision gave up waiting for a lock and will be tried
 * again after a pause.
 *
 * @param revision the revision's id
 * @param direction which way it runs
 * @param attempt the attempt that timed out, 1 for the first
 * @param attempts how many attempts are allowed in all
 * @param delay the pause before the next attempt
 * @param what the statement (abbreviated) or the part of the revision that timed out
 */
public record LockRetry(String revision, Direction direction, int attempt, int attempts, Duration delay, String what) {

	public LockRetry {
		Objects.requireNonNull(revision, "revision");
		Objects.requireNonNull(direction, "direction");
		Objects.requireNonNull(delay, "delay");
		Objects.requireNonNull(what, "what");
	}

}

package dev.migrator.core.runtime;

import dev.migrator.core.script.Direction;

import java.time.Duration;
import java.util.Optional;

/**
 * How one step of a run ended.
 *
 * @param revision the revision id
 * @param message the revision's message
 * @param direction which way it ran
 * @param duration how long it took
 * @param succeeded whether it completed and was recorded
 * @param error the failure's message when it did not
 */
public record StepResult(String revision, String message, Direction direction, Duration duration, boolean succeeded,
		Optional<String> error) {
}

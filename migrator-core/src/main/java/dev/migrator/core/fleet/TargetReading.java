package dev.migrator.core.fleet;

import java.util.Optional;

/**
 * What a reading command found on one target, or why it could not read it.
 *
 * @param <T> what the command reads
 * @param target the target
 * @param value what was read
 * @param failure why nothing was read (redacted of row values and secrets)
 */
public record TargetReading<T>(FleetTarget target, Optional<T> value, Optional<String> failure) {

}

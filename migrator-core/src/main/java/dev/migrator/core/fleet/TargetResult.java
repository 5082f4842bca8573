package dev.migrator.core.fleet;

import java.time.Duration;
import java.util.Optional;

/**
 * One target at the end of a fleet run, as the run table holds it.
 *
 * @param target the target
 * @param wave its wave, from 0
 * @param state where it stands
 * @param detail what its work said, or why it failed; empty while it has not run
 * @param owner the process that ran it (host, process id and a random part)
 * @param duration how long its last run took
 */
public record TargetResult(FleetTarget target, int wave, TargetState state, Optional<String> detail,
		Optional<String> owner, Optional<Duration> duration) {

}

package dev.migrator.core.fleet;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * How a fleet rolls out.
 *
 * @param targets where the targets come from; empty when no fleet is configured
 * @param parallelism how many targets one process migrates at once
 * @param waves how the rollout grows, each wave starting when the ones before succeeded
 * @param maxFailures the error budget: once more targets than this failed, no new target
 * starts
 * @param lease how long a claim on a target holds without its process renewing it; a
 * killed process's target is taken over once it expired
 */
public record FleetSettings(Optional<FleetTargets> targets, int parallelism, Waves waves, int maxFailures,
		Duration lease, List<FleetListener> listeners) {

	public FleetSettings {
		listeners = List.copyOf(listeners);
	}

	public static final int DEFAULT_PARALLELISM = 1;

	public static final Duration DEFAULT_LEASE = Duration.ofSeconds(60);

	/** No fleet: the commands work on the configured database alone. */
	public static FleetSettings none() {
		return new FleetSettings(Optional.empty(), DEFAULT_PARALLELISM, Waves.single(), 0, DEFAULT_LEASE, List.of());
	}

	public boolean configured() {
		return this.targets.isPresent();
	}

}

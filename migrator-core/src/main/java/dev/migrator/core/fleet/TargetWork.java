package dev.migrator.core.fleet;

/**
 * What a command does on one target. A thrown exception is that target's failure; the
 * other targets go on as long as the error budget lasts.
 */
@FunctionalInterface
public interface TargetWork {

	TargetOutcome run(FleetTarget target);

}

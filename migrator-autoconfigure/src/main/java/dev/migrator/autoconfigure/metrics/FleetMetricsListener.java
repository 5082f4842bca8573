package dev.migrator.autoconfigure.metrics;

import dev.migrator.core.fleet.FleetListener;
import dev.migrator.core.fleet.FleetResult;
import dev.migrator.core.fleet.FleetTarget;
import dev.migrator.core.fleet.TargetOutcome;
import dev.migrator.core.fleet.TargetState;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * The fleet's meters: {@value MigratorMeterNames#FLEET_TARGETS} by state, as this process
 * sees the run while it works (its own targets moving from pending) and as the run table
 * holds it when its part ends; and {@value MigratorMeterNames#FLEET_DURATION}, each
 * target's time, by outcome.
 */
public class FleetMetricsListener implements FleetListener {

	private final MeterRegistry registry;

	private final Map<TargetState, AtomicInteger> targets = new EnumMap<>(TargetState.class);

	public FleetMetricsListener(MeterRegistry registry) {
		this.registry = registry;
		for (TargetState state : TargetState.values()) {
			AtomicInteger count = new AtomicInteger();
			this.targets.put(state, count);
			Gauge.builder(MigratorMeterNames.FLEET_TARGETS, count, AtomicInteger::get)
				.description("Targets of the fleet run this process takes part in, by state")
				.tag(MigratorMeterNames.TAG_STATE, state.label())
				.register(registry);
		}
	}

	@Override
	public void runStarted(String runKey, int targets) {
		this.targets.values().forEach((count) -> count.set(0));
		this.targets.get(TargetState.PENDING).set(targets);
	}

	@Override
	public void targetFinished(FleetTarget target, TargetOutcome outcome, Duration duration) {
		this.targets.get(TargetState.PENDING).updateAndGet((n) -> Math.max(0, n - 1));
		this.targets.get(outcome.succeeded() ? TargetState.SUCCEEDED : TargetState.FAILED).incrementAndGet();
		Timer.builder(MigratorMeterNames.FLEET_DURATION)
			.description("How long each fleet target's work took in this process")
			.tag(MigratorMeterNames.TAG_OUTCOME, outcome.succeeded() ? "success" : "failure")
			.register(this.registry)
			.record(duration);
	}

	@Override
	public void runFinished(FleetResult result) {
		result.countsByState().forEach((state, count) -> this.targets.get(state).set(count));
	}

}

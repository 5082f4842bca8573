package dev.migrator.autoconfigure.metrics;

import dev.migrator.core.runtime.LockRetry;
import dev.migrator.core.runtime.MigrationListener;
import dev.migrator.core.runtime.StepResult;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Records each step of a run in the {@value MigratorMeterNames#MIGRATION_DURATION} timer,
 * each lock timeout retry in the {@value MigratorMeterNames#LOCK_RETRIES} counter, and
 * has the gauges read the new state.
 */
public class MigrationMetricsListener implements MigrationListener {

	private final MeterRegistry registry;

	private final MigratorMetrics metrics;

	public MigrationMetricsListener(MeterRegistry registry, MigratorMetrics metrics) {
		this.registry = registry;
		this.metrics = metrics;
	}

	@Override
	public void stepFinished(StepResult result) {
		Timer.builder(MigratorMeterNames.MIGRATION_DURATION)
			.description("How long a migration step took")
			.tag(MigratorMeterNames.TAG_REVISION, result.revision())
			.tag(MigratorMeterNames.TAG_DIRECTION, result.direction().label())
			.tag(MigratorMeterNames.TAG_OUTCOME, result.succeeded() ? "success" : "failure")
			.register(this.registry)
			.record(result.duration());
		this.metrics.refresh();
	}

	@Override
	public void lockTimeoutRetried(LockRetry retry) {
		Counter.builder(MigratorMeterNames.LOCK_RETRIES)
			.description("Statements or transactions tried again after they gave up waiting for a lock")
			.tag(MigratorMeterNames.TAG_REVISION, retry.revision())
			.register(this.registry)
			.increment();
	}

}

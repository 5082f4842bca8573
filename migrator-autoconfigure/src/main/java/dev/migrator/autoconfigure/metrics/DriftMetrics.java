package dev.migrator.autoconfigure.metrics;

import dev.migrator.autoconfigure.LatestDrift;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * The gauge {@value MigratorMeterNames#SCHEMA_DRIFT}: how many differences the latest
 * drift check found. A scrape reads what the last check left (the job's {@code drift}
 * command, or the periodic check of {@code migrator.drift.interval}) and never runs one:
 * a check runs the applied revisions in a scratch schema. NaN before the first check and
 * after one that failed.
 */
public class DriftMetrics implements MeterBinder {

	private final LatestDrift latest;

	public DriftMetrics(LatestDrift latest) {
		this.latest = latest;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		Gauge.builder(MigratorMeterNames.SCHEMA_DRIFT, this, DriftMetrics::differences)
			.description("Differences between the database's schema and the one its applied revisions produce, "
					+ "at the latest drift check")
			.strongReference(true)
			.register(registry);
	}

	private double differences() {
		return this.latest.get()
			.flatMap(LatestDrift.Reading::result)
			.map((result) -> (double) result.differences().size())
			.orElse(Double.NaN);
	}

}

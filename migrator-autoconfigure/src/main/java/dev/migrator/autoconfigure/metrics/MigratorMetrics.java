package dev.migrator.autoconfigure.metrics;

import dev.migrator.core.command.MigrationStatus;
import dev.migrator.core.Migrator;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * Gauges of where the database stands: {@value MigratorMeterNames#REVISIONS_PENDING} and
 * one {@value MigratorMeterNames#REVISION_CURRENT} of value 1 per current head. Reading a
 * gauge reads the database at most once per {@link #DEFAULT_INTERVAL cache interval}; the
 * set of current-revision gauges follows those reads, and a migration run forgets the
 * cached state.
 */
public class MigratorMetrics implements MeterBinder {

	/** How long a read of the migration state serves the gauges. */
	public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(5);

	private final CachedMigrationStatus status;

	private final List<MultiGauge> currentGauges = new CopyOnWriteArrayList<>();

	private Set<String> currentRows;

	/**
	 * @param migrator the engine, looked up on first read: the engine's configuration
	 * needs the metrics listener, which needs this
	 */
	public MigratorMetrics(Supplier<Migrator> migrator) {
		this(migrator, DEFAULT_INTERVAL, System::nanoTime);
	}

	MigratorMetrics(Supplier<Migrator> migrator, Duration interval, LongSupplier nanoClock) {
		this.status = new CachedMigrationStatus(() -> migrator.get().status(), interval, nanoClock);
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		Gauge.builder(MigratorMeterNames.REVISIONS_PENDING, this, MigratorMetrics::pending)
			.description("Revisions this application has that the database has not applied")
			.strongReference(true)
			.register(registry);
		this.currentGauges.add(MultiGauge.builder(MigratorMeterNames.REVISION_CURRENT)
			.description("The database's current revisions: value 1, one per current head")
			.register(registry));
	}

	/** Forgets the cached state, so that the next read shows what a run just did. */
	public void refresh() {
		this.status.invalidate();
	}

	private double pending() {
		return status().map((status) -> (double) status.pending().size()).orElse(Double.NaN);
	}

	private double current(String revision) {
		return status().map((status) -> status.current().contains(revision) ? 1.0 : 0.0).orElse(Double.NaN);
	}

	private Optional<MigrationStatus> status() {
		Optional<MigrationStatus> status = this.status.get();
		status.ifPresent((read) -> follow(read.current()));
		return status;
	}

	private synchronized void follow(Set<String> rows) {
		if (rows.equals(this.currentRows)) {
			return;
		}
		this.currentRows = Set.copyOf(rows);
		List<MultiGauge.Row<?>> gaugeRows = rows.stream()
			.sorted()
			.map((id) -> MultiGauge.Row.of(Tags.of(MigratorMeterNames.TAG_REVISION, id), this,
					(metrics) -> metrics.current(id))).<MultiGauge.Row<?>>map((row) -> row)
			.toList();
		// Overwrite: a revision that is no longer current loses its gauge.
		this.currentGauges.forEach((gauge) -> gauge.register(gaugeRows, true));
	}

}

package dev.migrator.autoconfigure.metrics;

import dev.migrator.core.Migrator;
import dev.migrator.core.script.Backfill;
import dev.migrator.core.backfill.BackfillStatus;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * One {@value MigratorMeterNames#BACKFILL_PROGRESS} gauge per declared backfill, from 0
 * to 1: how much of its table it has walked. The gauges read the backfills' progress at
 * most once per {@link MigratorMetrics#DEFAULT_INTERVAL cache interval}; a committed
 * batch or a state change forgets the cached progress. The set of gauges is the set of
 * declared backfills, which the revisions fix: it is registered once they could be
 * loaded, in the background.
 */
public class BackfillProgressMetrics implements MeterBinder, AutoCloseable {

	// Until the revisions load; they load at the first try unless a {dialect} location
	// waits for the database.
	private static final Duration DECLARATIONS_RETRY = Duration.ofSeconds(30);

	private final Supplier<Migrator> migrator;

	private final CachedReading<List<BackfillStatus>> progress;

	private final List<MultiGauge> gauges = new CopyOnWriteArrayList<>();

	private volatile List<MultiGauge.Row<?>> rows = List.of();

	private final List<MultiGauge> throttledGauges = new CopyOnWriteArrayList<>();

	private volatile List<MultiGauge.Row<?>> throttledRows = List.of();

	private PeriodicTask registration;

	/**
	 * @param migrator the engine, looked up on first read: the engine's configuration
	 * needs the backfill metrics listener, which needs this
	 */
	public BackfillProgressMetrics(Supplier<Migrator> migrator) {
		this(migrator, MigratorMetrics.DEFAULT_INTERVAL, System::nanoTime);
	}

	BackfillProgressMetrics(Supplier<Migrator> migrator, Duration interval, LongSupplier nanoClock) {
		this.migrator = migrator;
		this.progress = new CachedReading<>("the backfills' progress", () -> migrator.get().backfills().status(),
				interval, nanoClock);
	}

	@Override
	public synchronized void bindTo(MeterRegistry registry) {
		MultiGauge gauge = MultiGauge.builder(MigratorMeterNames.BACKFILL_PROGRESS)
			.description("How far a backfill has got, from 0 to 1: the share of its table walked")
			.register(registry);
		gauge.register(this.rows, true);
		this.gauges.add(gauge);
		MultiGauge throttled = MultiGauge.builder(MigratorMeterNames.BACKFILL_THROTTLED)
			.description("1 while a backfill waits for replicas to catch up, else 0")
			.register(registry);
		throttled.register(this.throttledRows, true);
		this.throttledGauges.add(throttled);
		if (this.registration == null) {
			this.registration = PeriodicTask.start("migrator-backfill-metrics", DECLARATIONS_RETRY,
					this::registerDeclaredBackfills);
		}
	}

	/**
	 * Forgets the cached progress, so that the next read shows what a batch or a command
	 * just did.
	 */
	public void refresh() {
		this.progress.invalidate();
	}

	/**
	 * Registers one gauge per declared backfill; whether the revisions could be read.
	 * Reads revision files, not the database.
	 */
	boolean registerDeclaredBackfills() {
		List<String> names = this.migrator.get().backfills().declared().stream().map(Backfill::name).toList();
		List<MultiGauge.Row<?>> rows = names.stream()
			.map((name) -> MultiGauge.Row.of(Tags.of(MigratorMeterNames.TAG_BACKFILL, name), this,
					(metrics) -> metrics.progress(name))).<MultiGauge.Row<?>>map((row) -> row)
			.toList();
		this.rows = rows;
		this.gauges.forEach((gauge) -> gauge.register(rows, true));
		List<MultiGauge.Row<?>> throttledRows = names.stream()
			.map((name) -> MultiGauge.Row.of(Tags.of(MigratorMeterNames.TAG_BACKFILL, name), this,
					(metrics) -> metrics.throttled(name))).<MultiGauge.Row<?>>map((row) -> row)
			.toList();
		this.throttledRows = throttledRows;
		this.throttledGauges.forEach((gauge) -> gauge.register(throttledRows, true));
		return true;
	}

	private double progress(String name) {
		Optional<BackfillStatus> status = this.progress.get()
			.flatMap((statuses) -> statuses.stream().filter((s) -> s.name().equals(name)).findFirst());
		return status.map(BackfillProgressMetrics::fraction).orElse(Double.NaN);
	}

	private double throttled(String name) {
		return this.progress.get()
			.flatMap((statuses) -> statuses.stream().filter((s) -> s.name().equals(name)).findFirst())
			.map((status) -> status.throttle().isPresent() ? 1.0 : 0.0)
			.orElse(Double.NaN);
	}

	private static double fraction(BackfillStatus status) {
		if (status.percent().isPresent()) {
			return status.percent().getAsDouble() / 100;
		}
		// Not started: nothing walked yet. Started with a table of unknown size: unknown.
		return (status.rowsScanned() == 0) ? 0 : Double.NaN;
	}

	@Override
	public synchronized void close() {
		if (this.registration != null) {
			this.registration.close();
		}
	}

}

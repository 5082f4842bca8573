package dev.migrator.autoconfigure.metrics;

import dev.migrator.core.Migrator;
import dev.migrator.core.replica.ReplicaLag;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * The {@value MigratorMeterNames#REPLICA_LAG_BYTES} and
 * {@value MigratorMeterNames#REPLICA_LAG_SECONDS} gauges, one of each per replica,
 * whenever the application runs. Reading a gauge measures the lag at most once per
 * replica poll interval, however often meters are scraped. The set of gauges follows the
 * replicas measured: those measurements happen when the gauges are read and, so that a
 * first replica is noticed too, every {@link #DISCOVERY_INTERVAL} in the background.
 */
public class ReplicaLagMetrics implements MeterBinder, AutoCloseable {

	/**
	 * How often the replicas are measured in the background, to follow standbys that come
	 * and go.
	 */
	public static final Duration DISCOVERY_INTERVAL = Duration.ofSeconds(30);

	private final CachedReading<List<ReplicaLag>> lag;

	private final List<MultiGauge> bytesGauges = new CopyOnWriteArrayList<>();

	private final List<MultiGauge> secondsGauges = new CopyOnWriteArrayList<>();

	private List<String> replicas;

	private PeriodicTask discovery;

	/**
	 * @param migrator the engine; lag is cached for its replica poll interval
	 */
	public ReplicaLagMetrics(Migrator migrator) {
		this(migrator::replicaLag, migrator.config().replicaSettings().pollInterval(), System::nanoTime);
	}

	ReplicaLagMetrics(Supplier<List<ReplicaLag>> measure, Duration interval, LongSupplier nanoClock) {
		this.lag = new CachedReading<>("replica lag", measure, interval, nanoClock);
	}

	@Override
	public synchronized void bindTo(MeterRegistry registry) {
		this.bytesGauges.add(MultiGauge.builder(MigratorMeterNames.REPLICA_LAG_BYTES)
			.description("How many bytes of WAL a replica has yet to replay")
			.baseUnit("bytes")
			.register(registry));
		this.secondsGauges.add(MultiGauge.builder(MigratorMeterNames.REPLICA_LAG_SECONDS)
			.description("How many seconds a replica's replay is behind")
			.baseUnit("seconds")
			.register(registry));
		this.replicas = null;
		if (this.discovery == null) {
			this.discovery = PeriodicTask.start("migrator-replica-metrics", DISCOVERY_INTERVAL, () -> {
				followReplicas();
				return false;
			});
		}
	}

	/**
	 * Measures (through the cache) and gives each replica measured its gauges, and those
	 * no longer seen none.
	 */
	void followReplicas() {
		lags().ifPresent(this::follow);
	}

	private double bytes(String replica) {
		return value(replica, (lag) -> lag.bytes());
	}

	private double seconds(String replica) {
		return value(replica, ReplicaLag::seconds);
	}

	private double value(String replica, ToDoubleFunction<ReplicaLag> figure) {
		Optional<Map<String, ReplicaLag>> lags = lags();
		lags.ifPresent(this::follow);
		return lags.map((byName) -> byName.get(replica)).map(figure::applyAsDouble).orElse(Double.NaN);
	}

	/**
	 * The latest measurement by replica name. A configured replica named like a standby
	 * the primary reports has one series: the larger lag.
	 */
	private Optional<Map<String, ReplicaLag>> lags() {
		return this.lag.get().map((measured) -> {
			Map<String, ReplicaLag> byName = new TreeMap<>();
			measured.forEach((lag) -> byName.merge(lag.replica(), lag, ReplicaLagMetrics::larger));
			return byName;
		});
	}

	private static ReplicaLag larger(ReplicaLag a, ReplicaLag b) {
		return new ReplicaLag(a.replica(), Math.max(a.bytes(), b.bytes()), Math.max(a.seconds(), b.seconds()),
				(a.bytes() >= b.bytes()) ? a.source() : b.source());
	}

	private synchronized void follow(Map<String, ReplicaLag> lags) {
		List<String> names = List.copyOf(lags.keySet());
		if (names.equals(this.replicas)) {
			return;
		}
		this.replicas = names;
		// Overwrite: a replica no longer measured loses its series.
		this.bytesGauges.forEach((gauge) -> gauge.register(rows(names, ReplicaLagMetrics::bytes), true));
		this.secondsGauges.forEach((gauge) -> gauge.register(rows(names, ReplicaLagMetrics::seconds), true));
	}

	private List<MultiGauge.Row<?>> rows(List<String> names, Figure figure) {
		return names.stream()
			.map((name) -> MultiGauge.Row.of(Tags.of(MigratorMeterNames.TAG_REPLICA, name), this,
					(metrics) -> figure.of(metrics, name))).<MultiGauge.Row<?>>map((row) -> row)
			.toList();
	}

	@Override
	public synchronized void close() {
		if (this.discovery != null) {
			this.discovery.close();
		}
	}

	/** One of the two figures of a replica. */
	@FunctionalInterface
	private interface Figure {

		double of(ReplicaLagMetrics metrics, String replica);

	}

}

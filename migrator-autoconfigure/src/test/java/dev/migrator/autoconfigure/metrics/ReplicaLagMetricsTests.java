package dev.migrator.autoconfigure.metrics;

import dev.migrator.core.error.ErrorCode;

import dev.migrator.core.error.MigratorException;
import dev.migrator.core.replica.LagSource;
import dev.migrator.core.replica.ReplicaLag;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ReplicaLagMetrics} with measurements given by the test and a clock it
 * moves.
 */
class ReplicaLagMetricsTests {

	private final AtomicReference<List<ReplicaLag>> measured = new AtomicReference<>(List.of());

	private final AtomicInteger measurements = new AtomicInteger();

	private final AtomicLong nanos = new AtomicLong();

	private ReplicaLagMetrics metrics() {
		return new ReplicaLagMetrics(() -> {
			this.measurements.incrementAndGet();
			return this.measured.get();
		}, Duration.ofSeconds(1), this.nanos::get);
	}

	@Test
	void eachReplicaHasItsGaugesAndScrapesWithinThePollIntervalMeasureOnce() {
		this.measured.set(List.of(new ReplicaLag("standby-a", 4096, 0.5, LagSource.PRIMARY),
				new ReplicaLag("replica-1", 1024, 2.0, LagSource.REPLICA)));
		SimpleMeterRegistry registry = new SimpleMeterRegistry();
		try (ReplicaLagMetrics metrics = metrics()) {
			metrics.bindTo(registry);
			metrics.followReplicas();
			int before = this.measurements.get();
			for (int i = 0; i < 5; i++) {
				assertThat(bytes(registry, "standby-a").value()).isEqualTo(4096);
				assertThat(seconds(registry, "standby-a").value()).isEqualTo(0.5);
				assertThat(bytes(registry, "replica-1").value()).isEqualTo(1024);
				assertThat(seconds(registry, "replica-1").value()).isEqualTo(2.0);
			}
			assertThat(this.measurements.get() - before).as("served from the cache").isZero();
			this.measured.set(List.of(new ReplicaLag("standby-a", 0, 0, LagSource.PRIMARY)));
			this.nanos.addAndGet(Duration.ofSeconds(1).toNanos());
			assertThat(bytes(registry, "standby-a").value()).isZero();
			assertThat(registry.find(MigratorMeterNames.REPLICA_LAG_BYTES).gauges()).as("replica-1 is gone")
				.singleElement()
				.satisfies((gauge) -> assertThat(gauge.getId().getTag(MigratorMeterNames.TAG_REPLICA))
					.isEqualTo("standby-a"));
		}
	}

	@Test
	void aReplicaMeasuredFromBothSidesHasOneSeriesWithTheLargerLag() {
		this.measured.set(List.of(new ReplicaLag("replica-1", 4096, 0.5, LagSource.PRIMARY),
				new ReplicaLag("replica-1", 1024, 2.0, LagSource.REPLICA)));
		SimpleMeterRegistry registry = new SimpleMeterRegistry();
		try (ReplicaLagMetrics metrics = metrics()) {
			metrics.bindTo(registry);
			metrics.followReplicas();
			assertThat(bytes(registry, "replica-1").value()).isEqualTo(4096);
			assertThat(seconds(registry, "replica-1").value()).isEqualTo(2.0);
		}
	}

	@Test
	void aFailedMeasurementGivesNaNAndIsNotRepeatedWithinTheInterval() {
		this.measured.set(List.of(new ReplicaLag("standby-a", 4096, 0.5, LagSource.PRIMARY)));
		SimpleMeterRegistry registry = new SimpleMeterRegistry();
		AtomicInteger failures = new AtomicInteger();
		AtomicReference<Boolean> failing = new AtomicReference<>(false);
		try (ReplicaLagMetrics metrics = new ReplicaLagMetrics(() -> {
			if (failing.get()) {
				failures.incrementAndGet();
				throw new MigratorException(ErrorCode.REPLICA_LAG_ERROR, "down");
			}
			return this.measured.get();
		}, Duration.ofSeconds(1), this.nanos::get)) {
			metrics.bindTo(registry);
			metrics.followReplicas();
			failing.set(true);
			this.nanos.addAndGet(Duration.ofSeconds(1).toNanos());
			assertThat(bytes(registry, "standby-a").value()).isNaN();
			assertThat(seconds(registry, "standby-a").value()).isNaN();
			assertThat(failures).hasValue(1);
		}
	}

	@Test
	void namesAreTheDocumentedOnes() {
		assertThat(MigratorMeterNames.REPLICA_LAG_BYTES).isEqualTo("migrator.replica.lag.bytes");
		assertThat(MigratorMeterNames.REPLICA_LAG_SECONDS).isEqualTo("migrator.replica.lag.seconds");
		assertThat(MigratorMeterNames.TAG_REPLICA).isEqualTo("replica");
	}

	private static Gauge bytes(SimpleMeterRegistry registry, String replica) {
		return registry.get(MigratorMeterNames.REPLICA_LAG_BYTES).tag(MigratorMeterNames.TAG_REPLICA, replica).gauge();
	}

	private static Gauge seconds(SimpleMeterRegistry registry, String replica) {
		return registry.get(MigratorMeterNames.REPLICA_LAG_SECONDS)
			.tag(MigratorMeterNames.TAG_REPLICA, replica)
			.gauge();
	}

}

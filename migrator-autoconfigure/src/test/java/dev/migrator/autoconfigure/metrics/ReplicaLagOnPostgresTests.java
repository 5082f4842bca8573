package dev.migrator.autoconfigure.metrics;

import dev.migrator.autoconfigure.MigratorAutoConfiguration;
import dev.migrator.autoconfigure.actuate.MigratorEndpoint;
import dev.migrator.autoconfigure.actuate.MigratorEndpoint.MigratorDescriptor;
import dev.migrator.autoconfigure.actuate.MigratorEndpoint.ReplicaDescriptor;
import dev.migrator.autoconfigure.actuate.MigratorEndpointAutoConfiguration;
import dev.migrator.testsupport.TestReplicaCluster;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The replica lag gauges and the endpoint's replicas section on a real PostgreSQL primary
 * with a streaming standby: the standby appears under its {@code application_name}, a
 * configured replica under its name, and the bytes gauge moves while the standby's replay
 * is paused.
 */
class ReplicaLagOnPostgresTests {

	private static TestReplicaCluster cluster;

	@TempDir
	Path temp;

	@BeforeAll
	static void startCluster() {
		cluster = TestReplicaCluster.start();
	}

	@AfterAll
	static void stopCluster() {
		if (cluster != null) {
			cluster.close();
		}
	}

	private ApplicationContextRunner runner(String database) {
		return new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, MigratorAutoConfiguration.class,
					MigratorMetricsAutoConfiguration.class, MetricsAutoConfiguration.class,
					CompositeMeterRegistryAutoConfiguration.class, SimpleMetricsExportAutoConfiguration.class,
					MigratorEndpointAutoConfiguration.class))
			.withPropertyValues("spring.datasource.url=" + cluster.primaryUrl(database),
					"migrator.locations=filesystem:" + this.temp.resolve("no-revisions"),
					"migrator.replica.sources.replica-1.url=" + cluster.replicaUrl(database),
					"migrator.replica.poll-interval=100ms", "management.endpoints.web.exposure.include=migrator");
	}

	@Test
	void gaugesAndTheEndpointShowAConfiguredReplicaThatStreamsFromThePrimaryOnceUnderItsName() throws Exception {
		java.nio.file.Files.createDirectories(this.temp.resolve("no-revisions"));
		String database = cluster.createDatabase();
		String standby = cluster.replicaApplicationName();
		runner(database).run((context) -> {
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			context.getBean(ReplicaLagMetrics.class).followReplicas();
			assertThat(registry.find(MigratorMeterNames.REPLICA_LAG_BYTES).gauges())
				.extracting((gauge) -> gauge.getId().getTag(MigratorMeterNames.TAG_REPLICA))
				.as("the standby the primary streams to is the configured replica: one series, not two")
				.containsExactly("replica-1")
				.doesNotContain(standby);
			assertThat(bytes(registry, "replica-1").value()).isNotNegative();
			assertThat(registry.get(MigratorMeterNames.REPLICA_LAG_SECONDS)
				.tag(MigratorMeterNames.TAG_REPLICA, "replica-1")
				.gauge()
				.value()).isNotNegative();

			MigratorDescriptor endpoint = context.getBean(MigratorEndpoint.class).migrator();
			assertThat(endpoint.replicas()).extracting(ReplicaDescriptor::replica, ReplicaDescriptor::source)
				.containsExactly(org.assertj.core.groups.Tuple.tuple("replica-1", "replica"));
			assertThat(endpoint.replicasError()).isNull();

			cluster.pauseReplay();
			try {
				writeWal(cluster.primaryUrl(database));
				Gauge behind = bytes(registry, "replica-1");
				long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
				while (behind.value() <= 512 * 1024 && System.nanoTime() < deadline) {
					Thread.sleep(50);
				}
				assertThat(behind.value()).as("the standby stops replaying: its lag grows").isGreaterThan(512 * 1024);
			}
			finally {
				cluster.resumeReplay();
			}
		});
	}

	private static Gauge bytes(MeterRegistry registry, String replica) {
		return registry.get(MigratorMeterNames.REPLICA_LAG_BYTES).tag(MigratorMeterNames.TAG_REPLICA, replica).gauge();
	}

	private static void writeWal(String url) throws SQLException {
		try (Connection connection = DriverManager.getConnection(url);
				Statement statement = connection.createStatement()) {
			statement.execute("CREATE TABLE wal_filler (id bigserial PRIMARY KEY, payload text)");
			statement.execute("INSERT INTO wal_filler (payload) SELECT repeat(md5(g::text), 28) FROM "
					+ "generate_series(1, 1024) g");
		}
	}

}

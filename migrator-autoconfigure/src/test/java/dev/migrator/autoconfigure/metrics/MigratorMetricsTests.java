package dev.migrator.autoconfigure.metrics;

import dev.migrator.core.error.ErrorCode;

import dev.migrator.autoconfigure.MigratorAutoConfiguration;
import dev.migrator.autoconfigure.RevisionFiles;
import dev.migrator.autoconfigure.SqliteFile;
import dev.migrator.core.Migrator;
import dev.migrator.core.config.MigratorConfig;
import dev.migrator.core.error.MigratorException;
import dev.migrator.core.runtime.LockRetry;
import dev.migrator.core.script.Direction;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link MigratorMetrics}, {@link MigrationMetricsListener} and their
 * auto-configuration, with a {@link SimpleMeterRegistry} and a SQLite file.
 */
class MigratorMetricsTests {

	// A closing context's pool may still touch the SQLite file while JUnit deletes the
	// folder, which then fails the test for a reason that is not the test's: keep the
	// folder.
	@TempDir(cleanup = CleanupMode.NEVER)
	Path temp;

	private RevisionFiles revisions;

	@BeforeEach
	void writeRevisions() {
		this.revisions = RevisionFiles.twoTables(this.temp.resolve("revisions"));
	}

	private RevisionFiles revisions() {
		return this.revisions;
	}

	private ApplicationContextRunner runner() {
		return new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, MigratorAutoConfiguration.class,
					MigratorMetricsAutoConfiguration.class, MetricsAutoConfiguration.class,
					CompositeMeterRegistryAutoConfiguration.class, SimpleMetricsExportAutoConfiguration.class))
			.withPropertyValues(new SqliteFile(this.temp.resolve("app.db")).dataSourceProperty(),
					"migrator.locations=" + revisions().location());
	}

	@Test
	void backsOffWithoutMeterRegistry() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, MigratorAutoConfiguration.class,
					MigratorMetricsAutoConfiguration.class))
			.withPropertyValues(new SqliteFile(this.temp.resolve("app.db")).dataSourceProperty())
			.run((context) -> assertThat(context).hasSingleBean(Migrator.class)
				.doesNotHaveBean(MigratorMetrics.class)
				.doesNotHaveBean(MigrationMetricsListener.class));
	}

	@Test
	void listenerReachesTheEngine() {
		runner().run((context) -> assertThat(context.getBean(MigratorConfig.class).listeners())
			.contains(context.getBean(MigrationMetricsListener.class)));
	}

	@Test
	void gaugesFollowTheDatabaseAndTheTimerRecordsEachStep() {
		runner().run((context) -> {
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			Gauge pending = registry.get(MigratorMeterNames.REVISIONS_PENDING).gauge();
			assertThat(pending.value()).isEqualTo(2.0);
			assertThat(registry.find(MigratorMeterNames.REVISION_CURRENT).gauges()).isEmpty();
			context.getBean(Migrator.class).upgrade("heads");
			assertThat(pending.value()).as("a run refreshes the gauges").isZero();
			Gauge current = registry.get(MigratorMeterNames.REVISION_CURRENT)
				.tag(MigratorMeterNames.TAG_REVISION, "0002_create_orders")
				.gauge();
			assertThat(current.value()).isEqualTo(1.0);
			assertThat(registry.find(MigratorMeterNames.REVISION_CURRENT).gauges()).hasSize(1);
			Timer people = registry.get(MigratorMeterNames.MIGRATION_DURATION)
				.tags(MigratorMeterNames.TAG_REVISION, "0001_create_people", MigratorMeterNames.TAG_DIRECTION,
						"upgrade", MigratorMeterNames.TAG_OUTCOME, "success")
				.timer();
			assertThat(people.count()).isEqualTo(1);
			assertThat(registry.get(MigratorMeterNames.MIGRATION_DURATION).timers()).hasSize(2);
		});
	}

	@Test
	void currentRevisionGaugesFollowADowngrade() {
		runner().run((context) -> {
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			Migrator migrator = context.getBean(Migrator.class);
			migrator.upgrade("heads");
			registry.get(MigratorMeterNames.REVISIONS_PENDING).gauge().value();
			migrator.downgrade("0001_create_people");
			assertThat(registry.get(MigratorMeterNames.REVISIONS_PENDING).gauge().value()).isEqualTo(1.0);
			assertThat(registry.find(MigratorMeterNames.REVISION_CURRENT).gauges()).singleElement()
				.satisfies((gauge) -> assertThat(gauge.getId().getTag(MigratorMeterNames.TAG_REVISION))
					.isEqualTo("0001_create_people"));
			assertThat(registry.get(MigratorMeterNames.MIGRATION_DURATION)
				.tags(MigratorMeterNames.TAG_REVISION, "0002_create_orders", MigratorMeterNames.TAG_DIRECTION,
						"downgrade", MigratorMeterNames.TAG_OUTCOME, "success")
				.timer()
				.count()).isEqualTo(1);
		});
	}

	@Test
	void failedStepIsTimedWithTheFailureOutcome() {
		revisions().failing("0003_fails", "0002_create_orders");
		runner().run((context) -> {
			assertThatExceptionOfType(MigratorException.class)
				.isThrownBy(() -> context.getBean(Migrator.class).upgrade("heads"));
			Timer failed = context.getBean(MeterRegistry.class)
				.get(MigratorMeterNames.MIGRATION_DURATION)
				.tags(MigratorMeterNames.TAG_REVISION, "0003_fails", MigratorMeterNames.TAG_OUTCOME, "failure")
				.timer();
			assertThat(failed.count()).isEqualTo(1);
		});
	}

	@Test
	void scrapesWithinTheIntervalReadTheDatabaseOnce() {
		SqliteFile database = new SqliteFile(this.temp.resolve("app.db"));
		Migrator migrator = Migrator.create(MigratorConfig.builder()
			.dataSource(new SimpleDriverDataSource(new org.sqlite.JDBC(), database.url()))
			.locations(revisions().location())
			.build());
		AtomicInteger reads = new AtomicInteger();
		AtomicLong nanos = new AtomicLong();
		MigratorMetrics metrics = new MigratorMetrics(() -> {
			reads.incrementAndGet();
			return migrator;
		}, Duration.ofSeconds(5), nanos::get);
		SimpleMeterRegistry registry = new SimpleMeterRegistry();
		metrics.bindTo(registry);
		Gauge pending = registry.get(MigratorMeterNames.REVISIONS_PENDING).gauge();
		for (int i = 0; i < 10; i++) {
			assertThat(pending.value()).isEqualTo(2.0);
		}
		assertThat(reads).hasValue(1);
		migrator.upgrade("heads");
		nanos.addAndGet(Duration.ofSeconds(4).toNanos());
		assertThat(pending.value()).as("still cached").isEqualTo(2.0);
		nanos.addAndGet(Duration.ofSeconds(1).toNanos());
		assertThat(pending.value()).isZero();
		assertThat(reads).hasValue(2);
	}

	@Test
	void unreadableDatabaseGivesNaNAndIsNotHammered() {
		AtomicInteger reads = new AtomicInteger();
		MigratorMetrics metrics = new MigratorMetrics(() -> {
			reads.incrementAndGet();
			throw new MigratorException(ErrorCode.DATABASE_ERROR, "down");
		}, Duration.ofSeconds(5), () -> 0L);
		SimpleMeterRegistry registry = new SimpleMeterRegistry();
		metrics.bindTo(registry);
		Gauge pending = registry.get(MigratorMeterNames.REVISIONS_PENDING).gauge();
		assertThat(pending.value()).isNaN();
		assertThat(pending.value()).isNaN();
		assertThat(reads).hasValue(1);
	}

	@Test
	void reservedNamesAreTheDocumentedOnes() {
		assertThat(MigratorMeterNames.BACKFILL_ROWS).isEqualTo("migrator.backfill.rows");
		assertThat(MigratorMeterNames.BACKFILL_PROGRESS).isEqualTo("migrator.backfill.progress");
		assertThat(MigratorMeterNames.REPLICA_LAG_BYTES).isEqualTo("migrator.replica.lag.bytes");
		assertThat(MigratorMeterNames.REPLICA_LAG_SECONDS).isEqualTo("migrator.replica.lag.seconds");
		assertThat(MigratorMeterNames.REVISIONS_PENDING).isEqualTo("migrator.revisions.pending");
		assertThat(MigratorMeterNames.REVISION_CURRENT).isEqualTo("migrator.revision.current");
		assertThat(MigratorMeterNames.MIGRATION_DURATION).isEqualTo("migrator.migration.duration");
	}

	@Test
	void lockTimeoutRetriesAreCountedPerRevision() {
		SimpleMeterRegistry registry = new SimpleMeterRegistry();
		MigrationMetricsListener listener = new MigrationMetricsListener(registry, new MigratorMetrics(() -> {
			throw new IllegalStateException("not read");
		}));
		LockRetry retry = new LockRetry("0002_alter", Direction.UPGRADE, 1, 5, Duration.ofMillis(400), "ALTER TABLE t");
		listener.lockTimeoutRetried(retry);
		listener.lockTimeoutRetried(retry);
		assertThat(registry.get(MigratorMeterNames.LOCK_RETRIES).tag("revision", "0002_alter").counter().count())
			.isEqualTo(2.0);
		assertThat(MigratorMeterNames.LOCK_RETRIES).isEqualTo("migrator.lock.retries");
	}

}

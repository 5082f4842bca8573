package dev.migrator.autoconfigure.metrics;

import dev.migrator.autoconfigure.BackfillRevisions;
import dev.migrator.autoconfigure.MigratorAutoConfiguration;
import dev.migrator.autoconfigure.SqliteFile;
import dev.migrator.core.Migrator;
import dev.migrator.core.config.MigratorConfig;
import dev.migrator.core.backfill.BackfillListener;
import dev.migrator.core.backfill.BatchReport;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Tests for the backfill meters, {@link BackfillMetricsListener} and
 * {@link BackfillProgressMetrics}, with a simple registry and a SQLite file.
 */
class BackfillMetricsTests {

	// A closing context's pool may still touch the SQLite file while JUnit deletes the
	// folder, which then fails the test for a reason that is not the test's: keep the
	// folder.
	@TempDir(cleanup = CleanupMode.NEVER)
	Path temp;

	private ApplicationContextRunner runner() {
		return new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, MigratorAutoConfiguration.class,
					MigratorMetricsAutoConfiguration.class, MetricsAutoConfiguration.class,
					CompositeMeterRegistryAutoConfiguration.class, SimpleMetricsExportAutoConfiguration.class))
			.withPropertyValues(new SqliteFile(this.temp.resolve("app.db")).dataSourceProperty(),
					"migrator.locations=" + BackfillRevisions.in(this.temp.resolve("revisions")).location());
	}

	@Test
	void listenerReachesTheEngine() {
		runner().run((context) -> assertThat(context.getBean(MigratorConfig.class).backfillSettings().listeners())
			.contains(context.getBean(BackfillMetricsListener.class)));
	}

	@Test
	void theRowsCounterMovesDuringARunAndTheProgressGaugeFollows() {
		runner().withUserConfiguration(CounterWatch.class).run((context) -> {
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			context.getBean(BackfillProgressMetrics.class).registerDeclaredBackfills();
			Gauge progress = registry.get(MigratorMeterNames.BACKFILL_PROGRESS)
				.tag(MigratorMeterNames.TAG_BACKFILL, BackfillRevisions.BACKFILL)
				.gauge();
			assertThat(progress.value()).as("not started").isZero();

			Migrator migrator = context.getBean(Migrator.class);
			migrator.upgrade("heads");
			migrator.backfills().run(BackfillRevisions.BACKFILL);

			Counter rows = registry.get(MigratorMeterNames.BACKFILL_ROWS)
				.tag(MigratorMeterNames.TAG_BACKFILL, BackfillRevisions.BACKFILL)
				.counter();
			assertThat(rows.count()).isEqualTo(BackfillRevisions.ROWS);
			assertThat(context.getBean(CounterWatch.class).seen).as("the counter at each batch")
				.hasSize(6)
				.isSorted()
				.contains(100.0, 150.0, 200.0, 250.0);
			assertThat(progress.value()).as("a batch forgets the cached progress").isEqualTo(1.0);
			Gauge throttled = registry.get(MigratorMeterNames.BACKFILL_THROTTLED)
				.tag(MigratorMeterNames.TAG_BACKFILL, BackfillRevisions.BACKFILL)
				.gauge();
			assertThat(throttled.value()).as("no replica held it back").isZero();
		});
	}

	@Test
	void progressIsTheShareOfTheTableWalked() {
		runner().withUserConfiguration(PauseAfterTwoBatches.class).run((context) -> {
			Migrator migrator = context.getBean(Migrator.class);
			migrator.upgrade("heads");
			context.getBean(BackfillProgressMetrics.class).registerDeclaredBackfills();
			Gauge progress = context.getBean(MeterRegistry.class).get(MigratorMeterNames.BACKFILL_PROGRESS).gauge();
			assertThat(migrator.backfills().run(BackfillRevisions.BACKFILL).rowsDone()).isEqualTo(100);
			assertThat(progress.value()).as("100 of 300 rows walked").isCloseTo(1.0 / 3, within(0.001));
		});
	}

	@Test
	void noBackfillNoProgressGauge() throws Exception {
		java.nio.file.Files.createDirectories(this.temp.resolve("none"));
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, MigratorAutoConfiguration.class,
					MigratorMetricsAutoConfiguration.class, MetricsAutoConfiguration.class,
					CompositeMeterRegistryAutoConfiguration.class, SimpleMetricsExportAutoConfiguration.class))
			.withPropertyValues(new SqliteFile(this.temp.resolve("other.db")).dataSourceProperty(),
					"migrator.locations=filesystem:" + this.temp.resolve("none"))
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context.getBean(BackfillProgressMetrics.class).registerDeclaredBackfills()).isTrue();
				assertThat(context.getBean(MeterRegistry.class).find(MigratorMeterNames.BACKFILL_PROGRESS).gauges())
					.isEmpty();
			});
	}

	@Test
	void namesAreTheDocumentedOnes() {
		assertThat(MigratorMeterNames.BACKFILL_ROWS).isEqualTo("migrator.backfill.rows");
		assertThat(MigratorMeterNames.BACKFILL_PROGRESS).isEqualTo("migrator.backfill.progress");
		assertThat(MigratorMeterNames.BACKFILL_THROTTLED).isEqualTo("migrator.backfill.throttled");
		assertThat(MigratorMeterNames.TAG_BACKFILL).isEqualTo("backfill");
	}

	/**
	 * An operator's pause after the second batch, which the worker sees before its third.
	 */
	@Configuration(proxyBeanMethods = false)
	static class PauseAfterTwoBatches {

		@Bean
		BackfillListener pauseAfterTwoBatches(ObjectProvider<Migrator> migrator) {
			return new BackfillListener() {
				@Override
				public void batchDone(BatchReport report) {
					if (report.rowsDone() == 100) {
						migrator.getObject().backfills().pause(report.backfill());
					}
				}
			};
		}

	}

	/** Reads the rows counter at each batch, as a scrape during the run would. */
	@Configuration(proxyBeanMethods = false)
	static class CounterWatch {

		final List<Double> seen = new CopyOnWriteArrayList<>();

		@Bean
		BackfillListener counterWatch(ObjectProvider<MeterRegistry> registry) {
			return new BackfillListener() {
				@Override
				public void batchDone(BatchReport report) {
					// Before or after the metrics listener: the counter may not exist yet
					// at the first batch.
					Counter rows = registry.getObject()
						.find(MigratorMeterNames.BACKFILL_ROWS)
						.tag(MigratorMeterNames.TAG_BACKFILL, report.backfill())
						.counter();
					CounterWatch.this.seen.add((rows != null) ? rows.count() : 0.0);
				}
			};
		}

	}

}

package dev.migrator.autoconfigure.metrics;

import dev.migrator.autoconfigure.LatestDrift;
import dev.migrator.autoconfigure.MigratorAutoConfiguration;
import dev.migrator.autoconfigure.OutsideMigrationJobCondition;
import dev.migrator.core.Migrator;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;

/**
 * Auto-configuration for migrator's Micrometer metrics, when a {@link MeterRegistry}
 * exists: the migration state and durations, backfills' rows and progress, replica lag
 * and the latest drift check.
 */
@AutoConfiguration(after = MigratorAutoConfiguration.class,
		afterName = { MigratorMetricsAutoConfiguration.METRICS + ".MetricsAutoConfiguration",
				MigratorMetricsAutoConfiguration.METRICS + ".CompositeMeterRegistryAutoConfiguration",
				MigratorMetricsAutoConfiguration.METRICS + ".export.simple.SimpleMetricsExportAutoConfiguration" })
@ConditionalOnClass({ Migrator.class, MeterRegistry.class })
@ConditionalOnBean({ Migrator.class, MeterRegistry.class })
public final class MigratorMetricsAutoConfiguration {

	// By name: the registry may come from any export module, all of which run before the
	// composite one.
	static final String METRICS = "org.springframework.boot.micrometer.metrics.autoconfigure";

	@Bean
	@ConditionalOnMissingBean
	MigratorMetrics migratorMetrics(ObjectProvider<Migrator> migrator) {
		return new MigratorMetrics(migrator::getObject);
	}

	@Bean
	@ConditionalOnMissingBean
	MigrationMetricsListener migrationMetricsListener(MeterRegistry registry, MigratorMetrics metrics) {
		return new MigrationMetricsListener(registry, metrics);
	}

	@Bean
	@ConditionalOnMissingBean
	BackfillProgressMetrics backfillProgressMetrics(ObjectProvider<Migrator> migrator) {
		return new BackfillProgressMetrics(migrator::getObject);
	}

	@Bean
	@ConditionalOnMissingBean
	BackfillMetricsListener backfillMetricsListener(MeterRegistry registry, BackfillProgressMetrics progress) {
		return new BackfillMetricsListener(registry, progress);
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnBean(LatestDrift.class)
	DriftMetrics driftMetrics(LatestDrift latestDrift) {
		return new DriftMetrics(latestDrift);
	}

	@Bean
	@ConditionalOnMissingBean
	FleetMetricsListener fleetMetricsListener(MeterRegistry registry) {
		return new FleetMetricsListener(registry);
	}

	// Not in the migration job: the job measures lag itself where its limits ask for it,
	// and a background reading's warning (an unreachable database, a missing pg_monitor
	// role) would sit in the job's log as a red herring.
	@Bean
	@ConditionalOnMissingBean
	@Conditional(OutsideMigrationJobCondition.class)
	ReplicaLagMetrics replicaLagMetrics(Migrator migrator) {
		return new ReplicaLagMetrics(migrator);
	}

}

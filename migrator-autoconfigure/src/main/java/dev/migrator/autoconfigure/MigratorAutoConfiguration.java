package dev.migrator.autoconfigure;

import dev.migrator.core.Migrator;
import dev.migrator.core.config.MigratorConfig;
import dev.migrator.core.backfill.BackfillListener;
import dev.migrator.core.fleet.FleetListener;
import dev.migrator.core.fleet.FleetTargets;
import dev.migrator.core.op.NamingConvention;
import dev.migrator.core.runtime.MigrationListener;
import dev.migrator.core.script.JavaMigration;
import dev.migrator.core.script.SqlFileRevisionSource;

import java.util.Optional;

import javax.sql.DataSource;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.AnyNestedCondition;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.info.BuildProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ResourceLoader;

/**
 * Auto-configuration for migrator: a {@link Migrator} on the application's DataSource (or
 * a dedicated one), the migration job when its profile is active, and otherwise, in a web
 * application, this instance's record in the clients table (the one write outside the
 * job; {@code migrator.clients.enabled=false} switches it off). Beans of type
 * {@link JavaMigration}, {@link MigrationListener}, {@link BackfillListener} and
 * {@link NamingConvention} reach the engine's configuration (a {@link FleetTargets} bean
 * names a fleet's targets, {@link FleetListener} beans hear how its runs go), and
 * {@link MigratorConfigCustomizer} beans can change anything else.
 */
@AutoConfiguration(after = DataSourceAutoConfiguration.class)
@ConditionalOnClass(Migrator.class)
@Conditional(MigratorAutoConfiguration.MigrationDatabaseCondition.class)
@ConditionalOnBooleanProperty(name = "migrator.enabled", matchIfMissing = true)
@EnableConfigurationProperties(MigratorProperties.class)
public final class MigratorAutoConfiguration {

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnMissingBean(Migrator.class)
	static class MigratorConfiguration {

		@Bean
		@ConditionalOnMissingBean
		MigratorConfig migratorConfig(MigratorProperties properties, ResourceLoader resourceLoader,
				ObjectProvider<DataSource> dataSource,
				@MigratorDataSource ObjectProvider<DataSource> migratorDataSource,
				ObjectProvider<JavaMigration> javaMigrations, ObjectProvider<MigrationListener> listeners,
				ObjectProvider<BackfillListener> backfillListeners, ObjectProvider<NamingConvention> namingConvention,
				ObjectProvider<FleetTargets> fleetTargets, ObjectProvider<FleetListener> fleetListeners,
				ObjectProvider<MigratorConfigCustomizer> customizers) {
			ClassLoader classLoader = resourceLoader.getClassLoader();
			// Reading a location's prefix needs no file: checking it here turns a typo
			// into a startup failure
			// rather than a failed job much later.
			new SqlFileRevisionSource(properties.getLocations(), classLoader);
			MigratorConfig.Builder builder = MigratorConfig.builder().classLoader(classLoader);
			new MigrationDataSource(properties)
				.choose(migratorDataSource.getIfAvailable(), dataSource.getIfUnique(), classLoader)
				.ifPresent(builder::dataSource);
			new PropertiesApplier(properties).applyTo(builder);
			new ReplicaDataSources(properties.getReplica()).applyTo(builder, classLoader);
			javaMigrations.orderedStream().forEach(builder::javaMigrations);
			listeners.orderedStream().forEach(builder::listener);
			backfillListeners.orderedStream().forEach(builder::backfillListener);
			namingConvention.ifUnique(builder::namingConvention);
			fleetTargets.ifUnique(builder::fleetTargets);
			fleetListeners.orderedStream().forEach(builder::fleetListener);
			customizers.orderedStream().forEach((customizer) -> customizer.customize(builder));
			return builder.build();
		}

		@Bean
		Migrator migrator(MigratorConfig config) {
			return Migrator.create(config);
		}

	}

	@Bean
	@ConditionalOnMissingBean
	LatestDrift migratorLatestDrift() {
		return new LatestDrift();
	}

	/**
	 * A periodic drift check for the endpoint and the gauge, when
	 * {@code migrator.drift.interval} asks for one; never in the migration job, whose
	 * {@code drift} command checks once.
	 */
	@Configuration(proxyBeanMethods = false)
	@Conditional(OutsideMigrationJobCondition.class)
	@ConditionalOnProperty("migrator.drift.interval")
	static class DriftScheduleConfiguration {

		@Bean
		@ConditionalOnMissingBean
		DriftSchedule migratorDriftSchedule(Migrator migrator, LatestDrift latestDrift, MigratorProperties properties) {
			return new DriftSchedule(migrator, latestDrift, properties.getDrift().getInterval());
		}

	}

	@Configuration(proxyBeanMethods = false)
	@Conditional(OnMigrationJobProfileCondition.class)
	static class MigrationJobConfiguration {

		@Bean
		@ConditionalOnMissingBean
		MigratorJobRunner migratorJobRunner(Migrator migrator, MigratorProperties properties, LatestDrift latestDrift) {
			return new MigratorJobRunner(migrator, properties.getJob(), properties.getImport(), properties.getRepair(),
					properties.getBaseline(), latestDrift, System.out);
		}

		@Bean
		InterruptedRevisionReport migratorInterruptedRevisionReport() {
			return new InterruptedRevisionReport();
		}

		@Bean
		@ConditionalOnBooleanProperty(name = "migrator.job.exit", matchIfMissing = true)
		MigrationJobExit migrationJobExit() {
			return new MigrationJobExit();
		}

	}

	/**
	 * A running web application records itself for the compatibility guard of contract
	 * revisions: the one table it writes.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication
	@Conditional(OutsideMigrationJobCondition.class)
	@ConditionalOnBooleanProperty(name = "migrator.clients.enabled", matchIfMissing = true)
	static class ClientRegistrationConfiguration {

		@Bean
		@ConditionalOnMissingBean
		MigratorClientRegistration migratorClientRegistration(Migrator migrator, MigratorProperties properties,
				Environment environment, ObjectProvider<BuildProperties> buildProperties) {
			Optional<String> buildVersion = Optional.ofNullable(buildProperties.getIfAvailable())
				.map(BuildProperties::getVersion);
			return new MigratorClientRegistration(migrator, RunningInstance.of(environment, buildVersion),
					properties.getClients().getHeartbeatInterval());
		}

	}

	/**
	 * Matches when there is a database to migrate (the application's DataSource or a
	 * dedicated URL), or a dialect to write SQL and lint for without one.
	 */
	static final class MigrationDatabaseCondition extends AnyNestedCondition {

		MigrationDatabaseCondition() {
			super(ConfigurationPhase.REGISTER_BEAN);
		}

		@ConditionalOnBean(DataSource.class)
		private static final class DataSourceBeanCondition {

		}

		@ConditionalOnProperty("migrator.url")
		private static final class MigratorUrlCondition {

		}

		// Offline commands only: sql and lint read revision files, and the dialect stands
		// in for the connection.
		@ConditionalOnProperty("migrator.dialect")
		private static final class DialectCondition {

		}

	}

}

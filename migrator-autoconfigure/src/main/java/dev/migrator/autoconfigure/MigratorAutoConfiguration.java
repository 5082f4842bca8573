package dev.migrator.autoconfigure;

import dev.migrator.core.Migrator;
import dev.migrator.core.MigratorConfig;
import dev.migrator.core.op.NamingConvention;
import dev.migrator.core.runtime.MigrationListener;
import dev.migrator.core.script.JavaMigration;
import dev.migrator.core.script.SqlFileRevisionSource;

import javax.sql.DataSource;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.AnyNestedCondition;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ResourceLoader;

/**
 * Auto-configuration for migrator: a {@link Migrator} on the application's DataSource (or a dedicated one), and the
 * migration job when its profile is active. Nothing here writes to the database at startup. Beans of type
 * {@link JavaMigration}, {@link MigrationListener} and {@link NamingConvention} reach the engine's configuration, and
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
				ObjectProvider<NamingConvention> namingConvention,
				ObjectProvider<MigratorConfigCustomizer> customizers) {
			ClassLoader classLoader = resourceLoader.getClassLoader();
			// Reading a location's prefix needs no file: checking it here turns a typo into a startup failure
			// rather than a failed job much later.
			new SqlFileRevisionSource(properties.getLocations(), classLoader);
			MigratorConfig.Builder builder = MigratorConfig.builder()
				.dataSource(new MigrationDataSource(properties).choose(migratorDataSource.getIfAvailable(),
						dataSource.getIfUnique(), classLoader))
				.classLoader(classLoader);
			new PropertiesApplier(properties).applyTo(builder);
			javaMigrations.orderedStream().forEach(builder::javaMigrations);
			listeners.orderedStream().forEach(builder::listener);
			namingConvention.ifUnique(builder::namingConvention);
			customizers.orderedStream().forEach((customizer) -> customizer.customize(builder));
			return builder.build();
		}

		@Bean
		Migrator migrator(MigratorConfig config) {
			return Migrator.create(config);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@Conditional(OnMigrationJobProfileCondition.class)
	static class MigrationJobConfiguration {

		@Bean
		@ConditionalOnMissingBean
		MigratorJobRunner migratorJobRunner(Migrator migrator, MigratorProperties properties) {
			return new MigratorJobRunner(migrator, properties.getJob(), System.out);
		}

		@Bean
		@ConditionalOnBooleanProperty(name = "migrator.job.exit", matchIfMissing = true)
		MigrationJobExit migrationJobExit() {
			return new MigrationJobExit();
		}

	}

	/**
	 * Matches when there is a database to migrate: the application's DataSource or a dedicated URL.
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

	}

}

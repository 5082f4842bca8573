package dev.migrator.test.autoconfigure;

import dev.migrator.autoconfigure.MigratorAutoConfiguration;
import dev.migrator.autoconfigure.OutsideMigrationJobCondition;
import dev.migrator.core.Migrator;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.sql.init.dependency.DatabaseInitializationDependencyConfigurer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Import;

/**
 * Upgrades a test context's database to the heads as the context starts; imported only by
 * {@link MigratedDatabase}. The configurer makes every bean that depends on database
 * initialization (the EntityManagerFactory, JdbcTemplate, JDBC repositories) wait for the
 * {@link MigratedDatabaseInitializer}, which {@link MigratedDatabaseInitializerDetector}
 * reports as a database initializer, as Spring Boot does for Flyway.
 *
 * <p>
 * A test that activates the migration job's profile tests the job: the job migrates
 * there, not the context.
 */
@AutoConfiguration(after = MigratorAutoConfiguration.class)
@Conditional(OutsideMigrationJobCondition.class)
@Import(DatabaseInitializationDependencyConfigurer.class)
public final class MigratedDatabaseAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	MigratedDatabaseInitializer migratedDatabaseInitializer(ObjectProvider<Migrator> migrator) {
		return new MigratedDatabaseInitializer(migrator.getIfAvailable(() -> {
			// Without this, the test would fail later on a missing table, far from the
			// cause.
			throw new IllegalStateException("@MigratedDatabase found no migrator to upgrade the test database with. "
					+ "Give the test a DataSource (spring.datasource.url) or migrator.url, "
					+ "and leave migrator.enabled unset or true.");
		}));
	}

}

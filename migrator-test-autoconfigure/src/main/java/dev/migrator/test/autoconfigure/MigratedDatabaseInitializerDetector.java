package dev.migrator.test.autoconfigure;

import java.util.Set;

import org.springframework.boot.sql.init.dependency.AbstractBeansOfTypeDatabaseInitializerDetector;

/**
 * Reports the {@link MigratedDatabaseInitializer} as a database initializer, so that
 * Spring Boot makes JPA, JdbcTemplate and JDBC repositories depend on it. Registered in
 * {@code META-INF/spring.factories}; it finds a bean only where {@link MigratedDatabase}
 * imported one.
 */
public final class MigratedDatabaseInitializerDetector extends AbstractBeansOfTypeDatabaseInitializerDetector {

	/**
	 * Flyway's and Liquibase's order: schema migrations come before SQL scripts
	 * ({@code data.sql}), which can then fill the migrated tables.
	 */
	private static final int ORDER = 1;

	@Override
	protected Set<Class<?>> getDatabaseInitializerBeanTypes() {
		return Set.of(MigratedDatabaseInitializer.class);
	}

	@Override
	public int getOrder() {
		return ORDER;
	}

}

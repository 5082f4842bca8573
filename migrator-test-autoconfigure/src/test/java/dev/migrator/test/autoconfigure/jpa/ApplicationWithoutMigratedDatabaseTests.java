package dev.migrator.test.autoconfigure.jpa;

import dev.migrator.core.Migrator;
import dev.migrator.test.autoconfigure.DatabaseContents;
import dev.migrator.test.autoconfigure.MigratedDatabaseInitializer;
import dev.migrator.test.autoconfigure.SqliteTestFile;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Production behaviour with the test artifact on the class path: an application that
 * starts without {@code @MigratedDatabase} has a migrator but changes nothing in its
 * database, since only the migration job migrates.
 */
@SpringBootTest(classes = JpaApplication.class,
		properties = { "spring.jpa.database-platform=org.hibernate.community.dialect.SQLiteDialect",
				// Nothing to validate against: the database stays empty.
				"spring.jpa.hibernate.ddl-auto=none" })
class ApplicationWithoutMigratedDatabaseTests {

	@Autowired
	private ApplicationContext context;

	@Autowired
	private DataSource dataSource;

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		String url = SqliteTestFile.freshUrl();
		registry.add("spring.datasource.url", () -> url);
	}

	@Test
	void theApplicationStartsWithoutMigrating() {
		assertThat(this.context.getBeanNamesForType(Migrator.class)).hasSize(1);
		assertThat(this.context.getBeanNamesForType(MigratedDatabaseInitializer.class)).isEmpty();
		assertThat(new DatabaseContents(this.dataSource).tables()).isEmpty();
	}

}

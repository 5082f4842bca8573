package dev.migrator.test.autoconfigure.jpa;

import dev.migrator.test.autoconfigure.MigratedDatabase;
import dev.migrator.test.autoconfigure.SqliteTestFile;

import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase.Replace;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@DataJpaTest(properties = "spring.jpa.database-platform=org.hibernate.community.dialect.SQLiteDialect")
@AutoConfigureTestDatabase(replace = Replace.NONE)
@MigratedDatabase
class MigratedJpaOnSqliteTests extends MigratedJpaContract {

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		String url = SqliteTestFile.freshUrl();
		registry.add("spring.datasource.url", () -> url);
	}

}

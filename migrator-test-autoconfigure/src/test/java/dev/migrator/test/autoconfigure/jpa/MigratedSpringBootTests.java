package dev.migrator.test.autoconfigure.jpa;

import dev.migrator.test.autoconfigure.DatabaseContents;
import dev.migrator.test.autoconfigure.MigratedDatabase;
import dev.migrator.test.autoconfigure.SqliteTestFile;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/** The whole application, every auto-configuration, on a migrated SQLite file. */
@SpringBootTest(classes = JpaApplication.class,
		properties = "spring.jpa.database-platform=org.hibernate.community.dialect.SQLiteDialect")
@MigratedDatabase
class MigratedSpringBootTests {

	@Autowired
	private AccountRepository accounts;

	@Autowired
	private DataSource dataSource;

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		String url = SqliteTestFile.freshUrl();
		registry.add("spring.datasource.url", () -> url);
	}

	@Test
	void theApplicationStartsOnTheMigratedDatabaseAndItsRepositoriesWork() {
		Account saved = this.accounts.save(new Account("grace@example.com", "Grace"));

		assertThat(this.accounts.findById(saved.getId())).get()
			.extracting(Account::getEmail)
			.isEqualTo("grace@example.com");
		assertThat(new DatabaseContents(this.dataSource).versionRows()).containsExactly("0002_accounts_display_name");
	}

}

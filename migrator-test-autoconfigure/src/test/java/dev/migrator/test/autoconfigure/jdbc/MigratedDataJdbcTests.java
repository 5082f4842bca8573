package dev.migrator.test.autoconfigure.jdbc;

import dev.migrator.test.autoconfigure.DatabaseContents;
import dev.migrator.test.autoconfigure.MigratedDatabase;
import dev.migrator.test.autoconfigure.MigratedDatabaseInitializer;
import dev.migrator.test.autoconfigure.SqliteTestFile;

import java.util.Arrays;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.data.jdbc.test.autoconfigure.DataJdbcTest;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase.Replace;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcOperations;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

@DataJdbcTest
@AutoConfigureTestDatabase(replace = Replace.NONE)
@MigratedDatabase
class MigratedDataJdbcTests {

	@Autowired
	private AccountRepository accounts;

	@Autowired
	private DataSource dataSource;

	@Autowired
	private ConfigurableListableBeanFactory beanFactory;

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		String url = SqliteTestFile.freshUrl();
		registry.add("spring.datasource.url", () -> url);
	}

	@Test
	void aRepositoryOnTablesOnlyTheRevisionsCreateSavesAndFinds() {
		this.accounts.save(new Account(null, "edsger@example.com", "Edsger"));

		assertThat(this.accounts.findByEmail("edsger@example.com")).get()
			.extracting(Account::displayName)
			.isEqualTo("Edsger");
		assertThat(new DatabaseContents(this.dataSource).versionRows()).containsExactly("0002_accounts_display_name");
	}

	@Test
	void theJdbcOperationsOfTheRepositoriesWaitForTheUpgrade() {
		String[] initializers = this.beanFactory.getBeanNamesForType(MigratedDatabaseInitializer.class);
		String[] operations = this.beanFactory.getBeanNamesForType(NamedParameterJdbcOperations.class);

		assertThat(initializers).hasSize(1);
		assertThat(operations).isNotEmpty();
		for (String bean : operations) {
			String[] dependsOn = this.beanFactory.getBeanDefinition(bean).getDependsOn();
			assertThat(dependsOn == null ? new String[0] : dependsOn)
				.as(bean + " depends on " + Arrays.toString(dependsOn))
				.contains(initializers[0]);
		}
	}

}

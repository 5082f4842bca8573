package dev.migrator.test.autoconfigure.jpa;

import dev.migrator.test.autoconfigure.DatabaseContents;
import dev.migrator.test.autoconfigure.MigratedDatabaseInitializer;

import java.util.Arrays;

import javax.sql.DataSource;

import jakarta.persistence.EntityManagerFactory;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a JPA test with {@code @MigratedDatabase} gets, on every database: Hibernate
 * validated its entities against the tables the revisions made (the context would not
 * start otherwise), and its repositories work on them.
 */
abstract class MigratedJpaContract {

	@Autowired
	private AccountRepository accounts;

	@Autowired
	private DataSource dataSource;

	@Autowired
	private ConfigurableListableBeanFactory beanFactory;

	@Test
	void anEntityMappedToTablesOnlyTheRevisionsCreateIsSavedAndFound() {
		this.accounts.saveAndFlush(new Account("ada@example.com", "Ada"));

		assertThat(this.accounts.findByEmail("ada@example.com")).get()
			.extracting(Account::getDisplayName)
			.isEqualTo("Ada");
	}

	@Test
	void theDatabaseIsAtTheHeads() {
		assertThat(new DatabaseContents(this.dataSource).versionRows()).containsExactly("0002_accounts_display_name");
	}

	@Test
	void theEntityManagerFactoryWaitsForTheUpgrade() {
		String[] initializers = this.beanFactory.getBeanNamesForType(MigratedDatabaseInitializer.class);
		String[] factories = this.beanFactory.getBeanNamesForType(EntityManagerFactory.class);

		assertThat(initializers).hasSize(1);
		assertThat(factories).isNotEmpty();
		for (String factory : factories) {
			String[] dependsOn = this.beanFactory.getBeanDefinition(factory).getDependsOn();
			assertThat(dependsOn == null ? new String[0] : dependsOn)
				.as(factory + " depends on " + Arrays.toString(dependsOn))
				.contains(initializers[0]);
		}
	}

}

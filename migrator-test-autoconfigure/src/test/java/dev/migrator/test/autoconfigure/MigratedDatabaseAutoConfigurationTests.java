package dev.migrator.test.autoconfigure;

import dev.migrator.autoconfigure.MigratorAutoConfiguration;

import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

class MigratedDatabaseAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, MigratorAutoConfiguration.class,
				MigratedDatabaseAutoConfiguration.class))
		.withPropertyValues("migrator.locations=classpath:db/revisions/{dialect}");

	@Test
	void upgradesTheContextsDatabaseToTheHeadsAsTheContextStarts() {
		this.runner.withPropertyValues("spring.datasource.url=" + SqliteTestFile.freshUrl()).run((context) -> {
			assertThat(context).hasNotFailed().hasSingleBean(MigratedDatabaseInitializer.class);
			DatabaseContents contents = new DatabaseContents(context.getBean(DataSource.class));
			assertThat(contents.tables()).contains("accounts");
			assertThat(contents.versionRows()).containsExactly("0002_accounts_display_name");
		});
	}

	@Test
	void aSecondContextOnTheSameDatabaseFindsItAtTheHeads() {
		String url = "spring.datasource.url=" + SqliteTestFile.freshUrl();
		AtomicInteger entriesAfterFirst = new AtomicInteger();
		this.runner.withPropertyValues(url).run((first) -> {
			assertThat(first).hasNotFailed();
			entriesAfterFirst.set(new DatabaseContents(first.getBean(DataSource.class)).historyEntries());
		});

		this.runner.withPropertyValues(url).run((second) -> {
			assertThat(second).hasNotFailed();
			DatabaseContents contents = new DatabaseContents(second.getBean(DataSource.class));
			assertThat(contents.versionRows()).containsExactly("0002_accounts_display_name");
			assertThat(contents.historyEntries()).isPositive().isEqualTo(entriesAfterFirst.get());
		});
	}

	@Test
	void leavesMigratingToTheJobWhenTheMigrationJobProfileIsActive() {
		this.runner
			.withPropertyValues("spring.datasource.url=" + SqliteTestFile.freshUrl(), "spring.profiles.active=migrate",
					"migrator.job.exit=false")
			.run((context) -> {
				assertThat(context).hasNotFailed().doesNotHaveBean(MigratedDatabaseInitializer.class);
				assertThat(new DatabaseContents(context.getBean(DataSource.class)).tables()).isEmpty();
			});
	}

	@Test
	void failsToStartWhenTheUpgradeStopsShortOfTheHeadsForABackfill() {
		this.runner
			.withPropertyValues("spring.datasource.url=" + SqliteTestFile.freshUrl(),
					"migrator.locations=classpath:db/backfill-revisions/{dialect}",
					"migrator.backfill.run-on-upgrade=false")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("could not upgrade the test database to the heads")
				.hasMessageContaining("tasks_status"));
	}

	@Test
	void failsToStartWithoutAMigratorRatherThanLeaveTheDatabaseEmpty() {
		this.runner.withPropertyValues("spring.datasource.url=" + SqliteTestFile.freshUrl(), "migrator.enabled=false")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("@MigratedDatabase found no migrator"));
	}

}

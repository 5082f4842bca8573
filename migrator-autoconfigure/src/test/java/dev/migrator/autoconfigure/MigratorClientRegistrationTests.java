package dev.migrator.autoconfigure;

import dev.migrator.core.Migrator;
import dev.migrator.core.compat.ClientRegistry;
import dev.migrator.core.compat.CompatibilitySettings;
import dev.migrator.core.compat.RegisteredClient;
import dev.migrator.core.config.MigratorConfig;
import dev.migrator.core.runtime.StateTables;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteDataSource;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link MigratorClientRegistration}: a running web application records itself
 * in the clients table, and nothing else does.
 */
class MigratorClientRegistrationTests {

	@TempDir
	Path temp;

	private SqliteFile database() {
		return new SqliteFile(this.temp.resolve("app.db"));
	}

	private RevisionFiles revisions() {
		return RevisionFiles.twoTables(this.temp.resolve("revisions"));
	}

	private WebApplicationContextRunner web() {
		return new WebApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(DataSourceAutoConfiguration.class, MigratorAutoConfiguration.class))
			.withPropertyValues(database().dataSourceProperty(), "spring.application.name=shop",
					"spring.application.version=1.4.0", "migrator.locations=" + revisions().location());
	}

	/**
	 * What the migration job does: it creates the clients table with the state tables.
	 */
	private void jobRan() {
		SQLiteDataSource dataSource = new SQLiteDataSource();
		dataSource.setUrl(database().url());
		Migrator.create(MigratorConfig.builder().dataSource(dataSource).locations(revisions().location()).build())
			.upgrade("heads");
	}

	@Test
	void aWebApplicationRecordsItselfWithWhatItsCodeNeedsAndLeavesOnShutdown() {
		jobRan();
		Set<String> tables = database().tables();
		assertThat(tables).contains("migrator_clients");
		web().run((context) -> {
			assertThat(context).hasSingleBean(MigratorClientRegistration.class);
			assertThat(context.getBean(MigratorClientRegistration.class).recorded()).isTrue();
			List<RegisteredClient> clients = context.getBean(Migrator.class).clientRegistry().liveClients();
			assertThat(clients).singleElement().satisfies((client) -> {
				assertThat(client.application()).isEqualTo("shop");
				assertThat(client.version()).isEqualTo("1.4.0");
				assertThat(client.heads()).containsExactly("0002_create_orders");
			});
			assertThat(database().tables()).as("a web application creates no table").isEqualTo(tables);
		});
		assertThat(database().tables()).isEqualTo(tables);
		SQLiteDataSource dataSource = new SQLiteDataSource();
		dataSource.setUrl(database().url());
		assertThat(new ClientRegistry(dataSource, StateTables.defaults(), CompatibilitySettings.defaults()).clients())
			.as("deregistered on shutdown")
			.isEmpty();
	}

	@Test
	void itSaysItIsAliveEveryHeartbeatInterval() throws Exception {
		jobRan();
		web().withPropertyValues("migrator.clients.heartbeat-interval=50ms").run((context) -> {
			Migrator migrator = context.getBean(Migrator.class);
			Instant first = migrator.clientRegistry().clients().get(0).lastHeartbeat();
			Thread.sleep(300);
			assertThat(migrator.clientRegistry().clients().get(0).lastHeartbeat()).isAfter(first);
		});
	}

	@Test
	void itComesBackWhenItsRowWasRemoved() throws Exception {
		jobRan();
		web().withPropertyValues("migrator.clients.heartbeat-interval=50ms").run((context) -> {
			database().execute("DELETE FROM migrator_clients");
			Thread.sleep(300);
			assertThat(context.getBean(Migrator.class).clientRegistry().liveClients()).hasSize(1);
		});
	}

	@Test
	void beforeTheJobCreatedTheClientsTableItIsNotRecordedAndKeepsTrying() throws Exception {
		web().withPropertyValues("migrator.clients.heartbeat-interval=50ms").run((context) -> {
			MigratorClientRegistration registration = context.getBean(MigratorClientRegistration.class);
			assertThat(context).hasNotFailed();
			assertThat(registration.recorded()).isFalse();
			assertThat(registration.failure()).get(InstanceOfAssertFactories.STRING)
				.contains("the table does not exist; the migration job creates it");
			assertThat(database().tables()).as("it created nothing").isEmpty();

			context.getBean(Migrator.class).upgrade("heads");
			long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
			while (!registration.recorded() && System.nanoTime() < deadline) {
				Thread.sleep(20);
			}
			assertThat(registration.recorded()).isTrue();
			assertThat(registration.failure()).isEmpty();
			assertThat(context.getBean(Migrator.class).clientRegistry().liveClients()).hasSize(1);
		});
	}

	@Test
	void theMigrationJobAndApplicationsWithoutAWebServerRecordNothing() {
		web().withPropertyValues("spring.profiles.active=migrate", "migrator.job.exit=false")
			.run((context) -> assertThat(context).doesNotHaveBean(MigratorClientRegistration.class));
		new ApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(DataSourceAutoConfiguration.class, MigratorAutoConfiguration.class))
			.withPropertyValues(database().dataSourceProperty())
			.run((context) -> assertThat(context).doesNotHaveBean(MigratorClientRegistration.class));
		assertThat(database().tables()).isEmpty();
	}

	@Test
	void switchedOffItRecordsNothing() {
		web().withPropertyValues("migrator.clients.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(MigratorClientRegistration.class));
		assertThat(database().tables()).isEmpty();
	}

	@Test
	void aDatabaseItCannotWriteDoesNotStopTheApplication() {
		web().withPropertyValues("spring.datasource.url=jdbc:sqlite:" + this.temp.resolve("missing/dir/app.db"))
			.run((context) -> {
				assertThat(context).hasNotFailed();
				MigratorClientRegistration registration = context.getBean(MigratorClientRegistration.class);
				assertThat(registration.instance()).isPresent();
				assertThat(registration.recorded()).as("which keeps it unready").isFalse();
			});
	}

	@Test
	void theHeartbeatIntervalMustBePositive() {
		web().withPropertyValues("migrator.clients.heartbeat-interval=0s")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.hasStackTraceContaining("migrator.clients.heartbeat-interval must be positive"));
	}

	@Test
	void theLiveWindowReachesTheEngine() {
		web()
			.withPropertyValues("migrator.clients.live-window=2m", "migrator.clients.table=app_clients",
					"migrator.job.allow-contract-with-live-clients=true")
			.run((context) -> {
				Migrator migrator = context.getBean(Migrator.class);
				assertThat(migrator.config().compatibility().liveWindow()).isEqualTo(Duration.ofMinutes(2));
				assertThat(migrator.config().compatibility().clientsTable()).isEqualTo("app_clients");
				assertThat(migrator.config().compatibility().allowContractWithLiveClients()).isTrue();
				assertThat(database().tables()).as("the job creates the clients table, never the web application")
					.isEmpty();
			});
	}

}

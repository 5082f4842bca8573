package dev.migrator.autoconfigure;

import dev.migrator.core.Migrator;
import dev.migrator.core.compat.ClientRegistry;
import dev.migrator.core.compat.CompatibilitySettings;
import dev.migrator.core.compat.RegisteredClient;
import dev.migrator.core.runtime.StateTables;
import dev.migrator.testsupport.TestDataSources;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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

	private WebApplicationContextRunner web() {
		return new WebApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(DataSourceAutoConfiguration.class, MigratorAutoConfiguration.class))
			.withPropertyValues(database().dataSourceProperty(), "spring.application.name=shop",
					"spring.application.version=1.4.0",
					"migrator.locations=" + RevisionFiles.twoTables(this.temp.resolve("revisions")).location());
	}

	@Test
	void aWebApplicationRecordsItselfWithWhatItsCodeNeedsAndLeavesOnShutdown() {
		web().run((context) -> {
			assertThat(context).hasSingleBean(MigratorClientRegistration.class);
			List<RegisteredClient> clients = context.getBean(Migrator.class).clientRegistry().liveClients();
			assertThat(clients).singleElement().satisfies((client) -> {
				assertThat(client.application()).isEqualTo("shop");
				assertThat(client.version()).isEqualTo("1.4.0");
				assertThat(client.heads()).containsExactly("0002_create_orders");
			});
			assertThat(database().tables()).as("the one table a web application writes")
				.containsExactly("migrator_clients");
		});
		assertThat(database().tables()).containsExactly("migrator_clients");
		assertThat(new ClientRegistry(TestDataSources.sqliteFile(this.temp.resolve("app.db")), StateTables.defaults(),
				CompatibilitySettings.defaults())
			.clients()).as("deregistered on shutdown").isEmpty();
	}

	@Test
	void itSaysItIsAliveEveryHeartbeatInterval() throws Exception {
		web().withPropertyValues("migrator.clients.heartbeat-interval=50ms").run((context) -> {
			Migrator migrator = context.getBean(Migrator.class);
			Instant first = migrator.clientRegistry().clients().get(0).lastHeartbeat();
			Thread.sleep(300);
			assertThat(migrator.clientRegistry().clients().get(0).lastHeartbeat()).isAfter(first);
		});
	}

	@Test
	void itComesBackWhenItsRowWasRemoved() throws Exception {
		web().withPropertyValues("migrator.clients.heartbeat-interval=50ms").run((context) -> {
			database().execute("DELETE FROM migrator_clients");
			Thread.sleep(300);
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
				assertThat(context.getBean(MigratorClientRegistration.class).instance()).isPresent();
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
				assertThat(database().tables()).containsExactly("app_clients");
			});
	}

}

package dev.migrator.core.compat;

import dev.migrator.core.dialect.Dialects;
import dev.migrator.core.error.MigratorException;
import dev.migrator.core.runtime.StateTables;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.Set;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** The registry on SQLite; the PostgreSQL tests use it through the engine's guard. */
class ClientRegistryTests {

	@TempDir
	Path temp;

	@Test
	void instancesRegisterBeatAndLeave() throws Exception {
		SQLiteDataSource dataSource = new SQLiteDataSource();
		dataSource.setUrl("jdbc:sqlite:" + this.temp.resolve("app.db"));
		CompatibilitySettings settings = new CompatibilitySettings("migrator_clients", Duration.ofSeconds(30), false);
		Instant start = Instant.parse("2030-01-01T00:00:00Z");
		ClientRegistry early = new ClientRegistry(dataSource, StateTables.defaults(), settings,
				Clock.fixed(start, ZoneOffset.UTC));
		ClientRegistry later = new ClientRegistry(dataSource, StateTables.defaults(), settings,
				Clock.fixed(start.plusSeconds(45), ZoneOffset.UTC));

		assertThat(later.liveClients()).as("no table yet, nothing created by reading").isEmpty();
		assertThat(later.heartbeat("nobody")).isFalse();
		createTable(dataSource);
		early.register(new ClientInstance("web-1", "shop", "1.0", Set.of("0002", "0001")));
		early.register(new ClientInstance("web-2", "shop", "1.1", Set.of("0003")));
		assertThat(early.liveClients()).extracting(RegisteredClient::instanceId).containsExactly("web-1", "web-2");
		assertThat(early.liveClients().get(0).heads()).containsExactly("0001", "0002");

		assertThat(later.heartbeat("web-2")).isTrue();
		assertThat(later.liveClients()).extracting(RegisteredClient::instanceId)
			.as("web-1 missed its heartbeats")
			.containsExactly("web-2");
		later.deregister("web-2");
		assertThat(later.clients()).extracting(RegisteredClient::instanceId).containsExactly("web-1");
	}

	@Test
	void registeringCreatesNoTable() throws Exception {
		SQLiteDataSource dataSource = new SQLiteDataSource();
		dataSource.setUrl("jdbc:sqlite:" + this.temp.resolve("app.db"));
		ClientRegistry registry = new ClientRegistry(dataSource, StateTables.defaults(),
				CompatibilitySettings.defaults());
		assertThatExceptionOfType(MigratorException.class)
			.isThrownBy(() -> registry.register(new ClientInstance("web-1", "shop", "1.0", Set.of("0001"))))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo("client-registry"))
			.withMessageContaining("the table does not exist; the migration job creates it")
			.withMessageContaining("SELECT, INSERT, UPDATE and DELETE");
		try (Connection connection = dataSource.getConnection();
				Statement statement = connection.createStatement();
				ResultSet tables = statement.executeQuery("SELECT name FROM sqlite_master WHERE type = 'table'")) {
			assertThat(tables.next()).as("a web application runs no DDL").isFalse();
		}
	}

	/** What the migration job does before any command: the engine's own tables. */
	private static void createTable(DataSource dataSource) throws SQLException {
		try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
			statement.execute(Dialects.forConnection(connection)
				.createClientsTable(Optional.empty(), CompatibilitySettings.DEFAULT_CLIENTS_TABLE));
		}
	}

}

package dev.migrator.testsupport;

import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static dev.migrator.testsupport.TestPostgresTests.queryString;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class LocalPostgresServerTests {

	private static LocalPostgresServer server;

	@BeforeAll
	static void startServer() {
		server = startedServer(Map.of("application_name", "'from_extra_settings'"));
	}

	@AfterAll
	static void destroyServer() {
		server.destroy();
	}

	@Test
	void serverIsTunedForTestsAndListensOnLoopbackOnly() throws SQLException {
		try (Connection connection = connect(server)) {
			assertThat(queryString(connection, "SHOW fsync")).isEqualTo("off");
			assertThat(queryString(connection, "SHOW synchronous_commit")).isEqualTo("off");
			assertThat(queryString(connection, "SHOW full_page_writes")).isEqualTo("off");
			assertThat(queryString(connection, "SHOW max_connections")).isEqualTo("200");
			assertThat(queryString(connection, "SHOW listen_addresses")).isEqualTo("127.0.0.1");
			assertThat(queryString(connection, "SHOW server_encoding")).isEqualTo("UTF8");
		}
	}

	@Test
	void extraSettingsWinOverTheDefaults() throws SQLException {
		try (Connection connection = connect(server)) {
			assertThat(queryString(connection, "SELECT reset_val FROM pg_settings WHERE name = 'application_name'"))
				.isEqualTo("from_extra_settings");
		}
	}

	@Test
	void serverDirectoryLivesInTheScratchSpaceAndBelongsToTheServerAccount() throws Exception {
		assertThat(server.directory()).startsWith(ScratchSpace.baseDirectory());
		String expectedOwner = ServerAccount.current().switchesUser() ? ServerAccount.UNPRIVILEGED_USER
				: System.getProperty("user.name");
		assertThat(Files.getOwner(server.dataDirectory()).getName()).isEqualTo(expectedOwner);
		try (Connection connection = connect(server)) {
			assertThat(queryString(connection, "SHOW data_directory")).isEqualTo(server.dataDirectory().toString());
		}
	}

	@Test
	void destroyStopsTheServerAndDeletesItsDirectory() {
		LocalPostgresServer own = startedServer(Map.of());
		own.destroy();
		assertThat(own.directory()).doesNotExist();
		assertThatExceptionOfType(SQLException.class).isThrownBy(() -> connect(own).close());
	}

	@Test
	void stopAndStartAgainKeepsTheData() throws SQLException {
		LocalPostgresServer own = startedServer(Map.of());
		try {
			try (Connection connection = connect(own)) {
				connection.createStatement().execute("CREATE TABLE kept (id int)");
			}
			own.stop();
			assertThat(own.isRunning()).isFalse();
			own.start();
			try (Connection connection = connect(own)) {
				assertThat(queryString(connection, "SELECT to_regclass('kept') IS NOT NULL")).isEqualTo("t");
			}
		}
		finally {
			own.destroy();
		}
	}

	@Test
	void failedStartExplainsItselfWithTheServerLog() {
		LocalPostgresServer broken = LocalPostgresServer.initialize(Map.of("shared_buffers", "'not-a-size'"));
		try {
			assertThatExceptionOfType(IllegalStateException.class).isThrownBy(broken::start)
				.withMessageContaining("PostgreSQL did not start")
				.withMessageContaining("invalid value for parameter \"shared_buffers\"");
		}
		finally {
			broken.destroy();
		}
	}

	private static LocalPostgresServer startedServer(Map<String, String> settings) {
		LocalPostgresServer started = LocalPostgresServer.initialize(settings);
		started.start();
		return started;
	}

	private static Connection connect(LocalPostgresServer target) throws SQLException {
		return DriverManager.getConnection(JdbcLocation.local(target.port(), LocalPostgresServer.SUPERUSER).url());
	}

}

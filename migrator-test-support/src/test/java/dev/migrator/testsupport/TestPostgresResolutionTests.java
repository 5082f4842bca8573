package dev.migrator.testsupport;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static dev.migrator.testsupport.TestPostgresTests.queryString;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * How {@link TestPostgres} picks its server, with a private embedded server standing in
 * for an external one.
 */
class TestPostgresResolutionTests {

	private static LocalPostgresServer external;

	private static String externalUrl;

	@BeforeAll
	static void startExternalServer() throws SQLException {
		external = LocalPostgresServer.initialize(Map.of());
		external.start();
		externalUrl = "jdbc:postgresql://127.0.0.1:" + external.port() + "/postgres";
		try (Connection connection = TestPostgres.resolve(Map.of(TestPostgres.URL_VARIABLE, externalUrl))
			.connect(externalUrl)) {
			connection.createStatement().execute("CREATE ROLE creator LOGIN CREATEDB");
			connection.createStatement().execute("CREATE ROLE plain LOGIN");
		}
	}

	@AfterAll
	static void destroyExternalServer() {
		external.destroy();
	}

	@Test
	void urlVariableSelectsThatServer() throws SQLException {
		TestPostgres postgres = TestPostgres.resolve(Map.of(TestPostgres.URL_VARIABLE, externalUrl));
		assertThat(postgres.user()).isEqualTo("postgres");
		assertThat(postgres.password()).isEmpty();
		String url = postgres.createDatabase();
		assertThat(url).startsWith("jdbc:postgresql://127.0.0.1:" + external.port() + "/migrator_test_");
		try (Connection connection = postgres.connect(url)) {
			assertThat(queryString(connection, "SELECT inet_server_port()"))
				.isEqualTo(Integer.toString(external.port()));
		}
	}

	@Test
	void userVariableOverridesTheDefaultUser() throws SQLException {
		TestPostgres postgres = TestPostgres
			.resolve(Map.of(TestPostgres.URL_VARIABLE, externalUrl, TestPostgres.USER_VARIABLE, "creator"));
		assertThat(postgres.user()).isEqualTo("creator");
		String url = postgres.createDatabase();
		try (Connection connection = postgres.connect(url)) {
			assertThat(queryString(connection,
					"SELECT pg_get_userbyid(datdba) FROM pg_database WHERE datname = current_database()"))
				.isEqualTo("creator");
		}
	}

	@Test
	void userInTheUrlIsUsedWhenNoUserVariableIsSet() {
		TestPostgres postgres = TestPostgres.resolve(Map.of(TestPostgres.URL_VARIABLE, externalUrl + "?user=creator"));
		assertThat(postgres.user()).isEqualTo("creator");
	}

	@Test
	void userThatMayNotCreateDatabasesIsRejectedWithAnExplanation() {
		assertThatIllegalStateException()
			.isThrownBy(() -> TestPostgres
				.resolve(Map.of(TestPostgres.URL_VARIABLE, externalUrl, TestPostgres.USER_VARIABLE, "plain")))
			.withMessageContaining(TestPostgres.URL_VARIABLE)
			.withMessageContaining("may not CREATE DATABASE");
	}

	@Test
	void unreachableUrlFailsLoudlyInsteadOfFallingBackToEmbedded() {
		String nobodyListens = "jdbc:postgresql://127.0.0.1:" + FreePort.find() + "/postgres";
		assertThatIllegalStateException()
			.isThrownBy(() -> TestPostgres.resolve(Map.of(TestPostgres.URL_VARIABLE, nobodyListens)))
			.withMessageContaining(nobodyListens)
			.withMessageContaining("unset " + TestPostgres.URL_VARIABLE);
	}

	@Test
	void urlThatIsNotPostgresIsRejected() {
		assertThatIllegalStateException()
			.isThrownBy(() -> TestPostgres.resolve(Map.of(TestPostgres.URL_VARIABLE, "jdbc:h2:mem:x")))
			.withMessageContaining("not a PostgreSQL JDBC URL");
	}

	@Test
	void withoutUrlVariableTheEmbeddedBinariesAreUsed() throws SQLException {
		TestPostgres postgres = TestPostgres.resolve(Map.of());
		try (Connection connection = postgres.connect(postgres.jdbcUrl("postgres"))) {
			assertThat(queryString(connection, "SHOW data_directory"))
				.startsWith(ScratchSpace.baseDirectory().toString());
		}
	}

}

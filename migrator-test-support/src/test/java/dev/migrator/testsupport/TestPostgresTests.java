package dev.migrator.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TestPostgresTests {

	private final TestPostgres postgres = TestPostgres.shared();

	@Test
	void sharedServerAnswersSelectVersion() throws SQLException {
		try (Connection connection = this.postgres.connect(this.postgres.jdbcUrl("postgres"))) {
			assertThat(queryString(connection, "SELECT version()")).startsWith("PostgreSQL ");
		}
	}

	@Test
	void sharedReturnsTheSameServerOnEveryCall() {
		assertThat(TestPostgres.shared()).isSameAs(this.postgres);
	}

	@Test
	void serverVersionNumIsTheServersOwn() throws SQLException {
		try (Connection connection = this.postgres.connect(this.postgres.jdbcUrl("postgres"))) {
			assertThat(this.postgres.serverVersionNum())
				.isEqualTo(Integer.parseInt(queryString(connection, "SHOW server_version_num")))
				.isGreaterThanOrEqualTo(100000);
		}
	}

	@Test
	void createDatabaseGivesEachCallItsOwnEmptyDatabase() throws SQLException {
		String first = this.postgres.createDatabase();
		String second = this.postgres.createDatabase();
		assertThat(first).isNotEqualTo(second);
		try (Connection connection = this.postgres.connect(first); Statement statement = connection.createStatement()) {
			statement.execute("CREATE TABLE only_in_first (id int)");
		}
		try (Connection connection = this.postgres.connect(second)) {
			assertThat(queryString(connection, "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'"))
				.isEqualTo("0");
			assertThat(queryString(connection, "SELECT to_regclass('only_in_first') IS NULL")).isEqualTo("t");
		}
		try (Connection connection = this.postgres.connect(first)) {
			assertThat(queryString(connection, "SELECT to_regclass('only_in_first') IS NULL")).isEqualTo("f");
		}
	}

	@Test
	void createDatabaseUrlNamesTheNewDatabase() throws SQLException {
		String url = this.postgres.createDatabase();
		try (Connection connection = this.postgres.connect(url)) {
			String name = queryString(connection, "SELECT current_database()");
			assertThat(name).startsWith("migrator_test_");
			assertThat(this.postgres.jdbcUrl(name)).isEqualTo(url);
		}
	}

	@Test
	void urlsCarryTheCredentialsSoPlainDriverManagerConnects() throws SQLException {
		try (Connection connection = DriverManager.getConnection(this.postgres.createDatabase())) {
			assertThat(queryString(connection, "SELECT current_user")).isEqualTo(this.postgres.user());
		}
	}

	@Test
	void userMayCreateDatabases() throws SQLException {
		try (Connection connection = this.postgres.connect(this.postgres.jdbcUrl("postgres"))) {
			assertThat(queryString(connection,
					"SELECT rolcreatedb OR rolsuper FROM pg_roles WHERE rolname = current_user"))
				.isEqualTo("t");
		}
	}

	@Test
	void createDatabaseIsSafeToCallFromSeveralThreads() throws SQLException {
		List<CompletableFuture<String>> creations = IntStream.range(0, 4)
			.mapToObj((i) -> CompletableFuture.supplyAsync(this.postgres::createDatabase))
			.toList();
		List<String> urls = creations.stream().map(CompletableFuture::join).toList();
		assertThat(urls).doesNotHaveDuplicates();
		for (String url : urls) {
			try (Connection connection = this.postgres.connect(url)) {
				assertThat(connection.isValid(5)).isTrue();
			}
		}
	}

	static String queryString(Connection connection, String sql) throws SQLException {
		try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
			assertThat(result.next()).as("a row from %s", sql).isTrue();
			return result.getString(1);
		}
	}

}

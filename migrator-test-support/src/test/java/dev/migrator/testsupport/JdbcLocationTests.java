package dev.migrator.testsupport;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class JdbcLocationTests {

	@Test
	void parseSplitsHostsDatabaseAndParameters() {
		JdbcLocation location = JdbcLocation.parse("jdbc:postgresql://db1:5432,db2:5433/app?user=me&ssl=true");
		assertThat(location.hosts()).isEqualTo("db1:5432,db2:5433");
		assertThat(location.database()).isEqualTo("app");
		assertThat(location.parameters()).containsExactly(Map.entry("user", "me"), Map.entry("ssl", "true"));
	}

	@Test
	void urlForAnotherDatabaseKeepsServerAndParameters() {
		JdbcLocation location = JdbcLocation.parse("jdbc:postgresql://db:5432/postgres?user=me&ssl=true");
		assertThat(location.url("other")).isEqualTo("jdbc:postgresql://db:5432/other?user=me&ssl=true");
	}

	@Test
	void urlWithoutDatabaseOrParametersIsAccepted() {
		JdbcLocation location = JdbcLocation.parse("jdbc:postgresql://db:5432");
		assertThat(location.database()).isEmpty();
		assertThat(location.url("x")).isEqualTo("jdbc:postgresql://db:5432/x");
	}

	@Test
	void shortFormMeansLocalhost() {
		JdbcLocation location = JdbcLocation.parse("jdbc:postgresql:app");
		assertThat(location.url()).isEqualTo("jdbc:postgresql://localhost/app");
	}

	@Test
	void parametersAreDecodedAndEncodedAgain() {
		JdbcLocation location = JdbcLocation.parse("jdbc:postgresql://db/app?password=a%26b%3Dc");
		assertThat(location.parameters()).containsEntry("password", "a&b=c");
		assertThat(location.url()).isEqualTo("jdbc:postgresql://db/app?password=a%26b%3Dc");
	}

	@Test
	void redactedUrlHidesThePassword() {
		JdbcLocation location = JdbcLocation.parse("jdbc:postgresql://db/app?user=me&password=secret");
		assertThat(location.redactedUrl()).doesNotContain("secret").contains("user=me");
	}

	@Test
	void localPointsAtLoopbackWithTheUser() {
		assertThat(JdbcLocation.local(5999, "postgres").url("t"))
			.isEqualTo("jdbc:postgresql://127.0.0.1:5999/t?user=postgres");
	}

	@Test
	void parseRejectsOtherDatabases() {
		assertThatIllegalArgumentException().isThrownBy(() -> JdbcLocation.parse("jdbc:mysql://db/app"))
			.withMessageContaining("jdbc:mysql://db/app");
	}

}

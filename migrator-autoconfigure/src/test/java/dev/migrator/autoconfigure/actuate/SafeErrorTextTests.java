package dev.migrator.autoconfigure.actuate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link SafeErrorText}.
 */
class SafeErrorTextTests {

	@Test
	void dropsTheLinesInWhichTheDatabaseQuotesRowValues() {
		String message = "Upgrade of revision 0004_unique_email (classpath:db/revisions/0004.sql) failed at line 3: "
				+ "CREATE UNIQUE INDEX users_email ON users (email).\n"
				+ "The database said: ERROR: could not create unique "
				+ "index \"users_email\"\n  Detail: Key (email)=(alice@example.com) is duplicated. [SQLState 23505]\n"
				+ "The revision was rolled back as a whole.";
		assertThat(SafeErrorText.of(message)).contains("Upgrade of revision 0004_unique_email")
			.contains("could not create unique index")
			.contains("rolled back as a whole")
			.doesNotContain("alice@example.com");
	}

	@Test
	void masksPasswordsInUrls() {
		String url = "jdbc:postgresql://app:s3cret@db:5432/app?sslpassword=x&ssl=true";
		assertThat(SafeErrorText.of("Cannot connect to " + url)).doesNotContain("s3cret")
			.doesNotContain("sslpassword=x")
			.contains("//app:******@db:5432/app");
		assertThat(SafeErrorText.of("Connection refused: jdbc:postgresql://db/app?user=app&password=hunter2"))
			.doesNotContain("hunter2")
			.contains("password=******");
	}

	@Test
	void masksWhatAnOlderVersionStoredUnredacted() {
		String stored = "Upgrade of revision 0007_role (classpath:db/revisions/0007.sql) failed at line 2: "
				+ "ALTER ROLE app PASSWORD 'hunter2'.\nThe database said: ERROR: invalid input syntax for type "
				+ "integer: \"ada@example.com\" [SQLState 22P02]";
		assertThat(SafeErrorText.of(stored)).contains("ALTER ROLE app PASSWORD '***'")
			.contains("invalid input syntax for type integer: \"…\" [SQLState 22P02]")
			.doesNotContain("hunter2")
			.doesNotContain("ada@example.com");
	}

	@Test
	void keepsAnOrdinaryMessageAsItIs() {
		assertThat(SafeErrorText.of("no such table: no_such_table")).isEqualTo("no such table: no_such_table");
		assertThat(SafeErrorText.of(null)).isNull();
	}

}

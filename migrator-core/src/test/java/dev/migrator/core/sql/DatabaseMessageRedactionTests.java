package dev.migrator.core.sql;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class DatabaseMessageRedactionTests {

	@ParameterizedTest
	@CsvSource(delimiter = '|', quoteCharacter = '`', value = {
			"ERROR: invalid input syntax for type integer: \"ada@example.com\"|ERROR: invalid input syntax for type integer: \"…\"",
			"ERROR: invalid input value for enum mood: \"grumpy\"|ERROR: invalid input value for enum mood: \"…\"",
			"ERROR: malformed array literal: \"{1,\"|ERROR: malformed array literal: \"…\"",
			"ERROR: value \"99999999999\" is out of range for type integer|ERROR: value \"…\" is out of range for type integer",
			"Detail: Key (email)=(ada@example.com) already exists.|Detail: Key (email)=(…) already exists.",
			"DETAIL:  Key (lower(email::text))=(ada@example.com) already exists.|DETAIL:  Key (lower(email::text))=(…) already exists.",
			"Detail: Key (team_id)=(42) is not present in table \"teams\".|Detail: Key (team_id)=(…) is not present in table \"teams\".",
			"Detail: Key (id)=(7) is still referenced from table \"orders\".|Detail: Key (id)=(…) is still referenced from table \"orders\".",
			"Detail: Key (email)=(a@b.c) is duplicated.|Detail: Key (email)=(…) is duplicated.",
			"Detail: Key (during)=([1,2)) conflicts with existing key (during)=([1,3)).|Detail: Key (during)=(…) conflicts with existing key (during)=(…).",
			"Detail: Failing row contains (1, Ada (the first), null).|Detail: Failing row contains (…).",
			"Detail: Token \"ada\" is invalid.|Detail: Token \"…\" is invalid.",
			"Where: JSON data, line 1: {\"email\": \"ada|Where: JSON data, line 1: …",
			"Where: unnamed portal parameter $1 = 'ada@example.com'|Where: unnamed portal parameter $1 = '…'",
			"Bad value for type int : ada@example.com|Bad value for type int : …",
			"Where: COPY users, line 1, column id: \"ada\"|Where: COPY users, line 1, column id: \"…\"" })
	void masksRowValues(String message, String masked) {
		assertThat(DatabaseMessageRedaction.redact(message)).isEqualTo(masked);
	}

	@Test
	void keepsNamesAndShape() {
		String message = "ERROR: duplicate key value violates unique constraint \"users_email_key\"\n"
				+ "  Detail: Key (email)=(ada@example.com) already exists. [SQLState 23505]";
		assertThat(DatabaseMessageRedaction.redact(message))
			.isEqualTo("ERROR: duplicate key value violates unique constraint \"users_email_key\"\n"
					+ "  Detail: Key (email)=(…) already exists. [SQLState 23505]");
		assertThat(DatabaseMessageRedaction.redact("ERROR: role \"nobody\" does not exist"))
			.isEqualTo("ERROR: role \"nobody\" does not exist");
		assertThat(DatabaseMessageRedaction.redact("ERROR: \"users\" is not a table"))
			.isEqualTo("ERROR: \"users\" is not a table");
		assertThat(DatabaseMessageRedaction.redact("ERROR: column \"emial\" does not exist\n  Position: 8"))
			.isEqualTo("ERROR: column \"emial\" does not exist\n  Position: 8");
	}

	@Test
	void masksAValueBeforeTheSqlState() {
		assertThat(DatabaseMessageRedaction
			.redact("ERROR: invalid input syntax for type integer: \"ada@example.com\" [SQLState 22P02]"))
			.isEqualTo("ERROR: invalid input syntax for type integer: \"…\" [SQLState 22P02]");
	}

	@Test
	void masksSecrets() {
		assertThat(DatabaseMessageRedaction.redact(
				"Could not measure the lag of replica r1 (jdbc:postgresql://app:hunter2@replica:5432/app): refused"))
			.isEqualTo("Could not measure the lag of replica r1 (jdbc:postgresql://app:***@replica:5432/app): refused");
		assertThat(DatabaseMessageRedaction.redact("failed at line 3: ALTER ROLE app PASSWORD 'hunter2'."))
			.isEqualTo("failed at line 3: ALTER ROLE app PASSWORD '***'.");
	}

	@Test
	void nullStaysNull() {
		assertThat(DatabaseMessageRedaction.redact(null)).isNull();
	}

}

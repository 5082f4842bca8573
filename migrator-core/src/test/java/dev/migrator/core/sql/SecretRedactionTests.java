package dev.migrator.core.sql;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class SecretRedactionTests {

	@ParameterizedTest
	@CsvSource(delimiter = '|', quoteCharacter = '`', value = {
			"ALTER ROLE app PASSWORD 'hunter2'|ALTER ROLE app PASSWORD '***'",
			"alter role app with password 'hunter2' valid until 'infinity'|alter role app with password '***' valid until 'infinity'",
			"CREATE ROLE app LOGIN ENCRYPTED PASSWORD 'hunter2'|CREATE ROLE app LOGIN ENCRYPTED PASSWORD '***'",
			"ALTER USER app PaSsWoRd E'hun\\'ter2'|ALTER USER app PaSsWoRd '***'",
			"ALTER ROLE app PASSWORD $$hunter2$$|ALTER ROLE app PASSWORD '***'",
			"ALTER ROLE app PASSWORD $pw$hun'ter$$2$pw$|ALTER ROLE app PASSWORD '***'",
			"ALTER ROLE app PASSWORD 'it''s a secret' LOGIN|ALTER ROLE app PASSWORD '***' LOGIN",
			"ALTER ROLE app PASSWORD NULL|ALTER ROLE app PASSWORD NULL",
			"CREATE USER app IDENTIFIED BY hunter2|CREATE USER app IDENTIFIED BY '***'",
			"CREATE USER app IDENTIFIED BY 'hunter2'|CREATE USER app IDENTIFIED BY '***'",
			"CREATE USER MAPPING FOR app SERVER s OPTIONS (user 'u', password 'hunter2')|CREATE USER MAPPING FOR app SERVER s OPTIONS (user 'u', password '***')",
			"UPDATE accounts SET password = 'hunter2' WHERE id = 1|UPDATE accounts SET password = '***' WHERE id = 1" })
	void masksPasswordLiterals(String sql, String masked) {
		assertThat(SecretRedaction.statement(sql)).isEqualTo(masked);
	}

	@Test
	void masksPasswordsInConnectionStringsAndUrls() {
		assertThat(SecretRedaction.statement("SELECT dblink_connect('host=db user=app password=hunter2 dbname=x')"))
			.isEqualTo("SELECT dblink_connect('host=db user=app password=*** dbname=x')");
		assertThat(SecretRedaction.statement("SELECT dblink_connect('host=db password=''hun ter2'' dbname=x')"))
			.isEqualTo("SELECT dblink_connect('host=db password=''***'' dbname=x')");
		assertThat(SecretRedaction.statement("SELECT dblink('postgresql://app:hunter2@db:5432/x', 'SELECT 1')"))
			.isEqualTo("SELECT dblink('postgresql://app:***@db:5432/x', 'SELECT 1')");
		assertThat(SecretRedaction.text("jdbc:postgresql://replica:5432/app?user=app&password=hunter2&ssl=true"))
			.isEqualTo("jdbc:postgresql://replica:5432/app?user=app&password=***&ssl=true");
		assertThat(SecretRedaction.text("postgres://app:hun@ter2@replica/app"))
			.isEqualTo("postgres://app:***@replica/app");
	}

	@Test
	void leavesStatementsWithoutSecretsAsTheyAre() {
		String sql = "INSERT INTO notes (body) VALUES ('remember the password reset'); -- password 'in a comment'";
		assertThat(SecretRedaction.statement(sql))
			.startsWith("INSERT INTO notes (body) VALUES ('remember the password reset');");
		assertThat(SecretRedaction.statement("ALTER TABLE users ADD COLUMN password_hash text"))
			.isEqualTo("ALTER TABLE users ADD COLUMN password_hash text");
		assertThat(SecretRedaction.text("FATAL: password authentication failed for user \"app\""))
			.isEqualTo("FATAL: password authentication failed for user \"app\"");
	}

	@Test
	void masksPasswordLiteralsInQuotedSql() {
		assertThat(SecretRedaction.text("Where: SQL statement \"ALTER ROLE app PASSWORD 'hun''ter2'\""))
			.isEqualTo("Where: SQL statement \"ALTER ROLE app PASSWORD '***'\"");
	}

	@Test
	void masksPasswordLiteralsInsideStringsThatHoldStatements() {
		assertThat(SecretRedaction.statement("DO $$ BEGIN EXECUTE 'ALTER ROLE app PASSWORD ''hun''''ter2'''; END $$"))
			.isEqualTo("DO $$ BEGIN EXECUTE 'ALTER ROLE app PASSWORD ''***'''; END $$");
	}

	@Test
	void maskingTwiceChangesNothing() {
		String once = SecretRedaction.statement("ALTER ROLE app PASSWORD 'hunter2'; SELECT 'password=x'");
		assertThat(SecretRedaction.statement(once)).isEqualTo(once);
		assertThat(SecretRedaction.text(once)).isEqualTo(once);
	}

}

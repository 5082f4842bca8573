package dev.migrator.test.autoconfigure.jdbc;

import dev.migrator.test.autoconfigure.MigratedDatabase;
import dev.migrator.test.autoconfigure.SqliteTestFile;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase.Replace;
import org.springframework.boot.jdbc.test.autoconfigure.JdbcTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The plain JDBC slice, with a data script: Spring Boot runs SQL scripts after the
 * upgrade, so they can fill the tables the revisions create.
 */
@JdbcTest(properties = { "spring.sql.init.mode=always", "spring.sql.init.data-locations=classpath:accounts-data.sql" })
@AutoConfigureTestDatabase(replace = Replace.NONE)
@MigratedDatabase
class MigratedJdbcTests {

	@Autowired
	private JdbcClient jdbc;

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		String url = SqliteTestFile.freshUrl();
		registry.add("spring.datasource.url", () -> url);
	}

	@Test
	void theDataScriptFilledTheTablesTheRevisionsCreated() {
		assertThat(this.jdbc.sql("SELECT display_name FROM accounts WHERE email = ?")
			.param("barbara@example.com")
			.query(String.class)
			.list()).containsExactly("Barbara");
	}

}

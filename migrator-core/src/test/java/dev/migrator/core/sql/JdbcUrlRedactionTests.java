package dev.migrator.core.sql;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A URL in a message names the database and nothing of who connects. */
class JdbcUrlRedactionTests {

	@Test
	void userInfoAndCredentialParametersAreRemoved() {
		assertThat(JdbcUrlRedaction.withoutCredentials("jdbc:postgresql://alice:s3cr3t@db:5432/app?sslmode=require"))
			.isEqualTo("jdbc:postgresql://db:5432/app?sslmode=require");
		assertThat(JdbcUrlRedaction
			.withoutCredentials("jdbc:postgresql://db/app?user=alice&password=s3cr3t&ApplicationName=job"))
			.isEqualTo("jdbc:postgresql://db/app?ApplicationName=job");
		assertThat(JdbcUrlRedaction.withoutCredentials("jdbc:postgresql://db/app?sslmode=disable&PASSWORD=x&user=y"))
			.isEqualTo("jdbc:postgresql://db/app?sslmode=disable");
		assertThat(JdbcUrlRedaction.withoutCredentials("jdbc:postgresql://db/app?sslpassword=k"))
			.isEqualTo("jdbc:postgresql://db/app");
		assertThat(JdbcUrlRedaction.withoutCredentials("jdbc:sqlserver://db;user=alice;password=x;databaseName=app"))
			.isEqualTo("jdbc:sqlserver://db;databaseName=app");
	}

	@Test
	void aUrlWithoutCredentialsIsKept() {
		assertThat(JdbcUrlRedaction.withoutCredentials("jdbc:sqlite:/var/data/app.db"))
			.isEqualTo("jdbc:sqlite:/var/data/app.db");
		assertThat(JdbcUrlRedaction.withoutCredentials("jdbc:postgresql://db:5432/app"))
			.isEqualTo("jdbc:postgresql://db:5432/app");
	}

}

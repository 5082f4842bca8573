package dev.migrator.test.autoconfigure.jpa;

import dev.migrator.test.autoconfigure.MigratedDatabase;
import dev.migrator.testsupport.TestPostgres;

import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase.Replace;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@DataJpaTest
@AutoConfigureTestDatabase(replace = Replace.NONE)
@MigratedDatabase
class MigratedJpaOnPostgresTests extends MigratedJpaContract {

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		TestPostgres server = TestPostgres.shared();
		String url = server.createDatabase();
		registry.add("spring.datasource.url", () -> url);
		registry.add("spring.datasource.username", server::user);
		registry.add("spring.datasource.password", server::password);
	}

}

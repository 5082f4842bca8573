package dev.migrator.test.autoconfigure.jpa;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * An application whose JPA entities map tables only the revisions create. The test class
 * path holds Spring Data JDBC too, for the JDBC tests: this application uses JPA alone.
 */
@SpringBootApplication(
		excludeName = "org.springframework.boot.data.jdbc.autoconfigure.DataJdbcRepositoriesAutoConfiguration")
public class JpaApplication {

}

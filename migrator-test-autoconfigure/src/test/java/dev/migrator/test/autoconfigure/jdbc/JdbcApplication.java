package dev.migrator.test.autoconfigure.jdbc;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.data.jdbc.core.dialect.JdbcDialect;
import org.springframework.data.jdbc.core.dialect.JdbcPostgresDialect;

/**
 * An application whose Spring Data JDBC repositories use tables only the revisions
 * create.
 */
@SpringBootApplication
public class JdbcApplication {

	/**
	 * Spring Data JDBC has no SQLite dialect; PostgreSQL's (lower-case quoted names, keys
	 * read back after an insert) suits what these repositories do.
	 */
	@Bean
	JdbcDialect jdbcDialect() {
		return JdbcPostgresDialect.INSTANCE;
	}

}

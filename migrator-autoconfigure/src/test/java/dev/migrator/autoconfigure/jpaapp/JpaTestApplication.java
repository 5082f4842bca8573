package dev.migrator.autoconfigure.jpaapp;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A JPA application whose entity maps a table a revision creates, started in a child JVM
 * by {@code MigrationJobProcessTests}: with
 * {@code spring.jpa.hibernate.ddl-auto=validate} its Hibernate would check the schema
 * before the job created it.
 */
// In a package of its own: component and entity scanning must not pick up other tests'
// classes.
@SpringBootApplication
public class JpaTestApplication {

	public static void main(String[] args) {
		SpringApplication.run(JpaTestApplication.class, args);
	}

}

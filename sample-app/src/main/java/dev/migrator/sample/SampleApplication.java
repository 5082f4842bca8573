package dev.migrator.sample;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Users and orders, with a schema that evolves through zero-downtime revisions. Run the
 * migration job with the {@code migrate} profile; without it the web app starts and only
 * reads the schema state.
 */
@SpringBootApplication
public class SampleApplication {

	public static void main(String[] args) {
		SpringApplication.run(SampleApplication.class, args);
	}

}

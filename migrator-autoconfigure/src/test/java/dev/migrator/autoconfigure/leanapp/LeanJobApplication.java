package dev.migrator.autoconfigure.leanapp;

import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/**
 * An application with a bean its migration job does not use, to see whether the job makes
 * it.
 */
// In a package of its own, so that component scanning finds no other test's
// configuration. JPA is on the test classpath for other tests; this application has no
// entity.
@SpringBootApplication(excludeName = { "org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration",
		"org.springframework.boot.data.jpa.autoconfigure.DataJpaRepositoriesAutoConfiguration" })
public class LeanJobApplication {

	public static final AtomicInteger controllersMade = new AtomicInteger();

	@Bean
	Object usersController() {
		controllersMade.incrementAndGet();
		return new Object();
	}

}

package dev.migrator.autoconfigure.jobapp;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;

/**
 * An application as users write one, with the usual {@code main}, started in a child JVM
 * by {@code MigrationJobProcessTests} to see the exit code a Kubernetes Job would see.
 */
// In a package of its own: component scanning must not pick up the configurations of
// other tests. JPA is on the test classpath for JpaTestApplication; Hibernate has no
// SQLite dialect, and this application has no entity.
@SpringBootApplication(excludeName = { "org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration",
		"org.springframework.boot.data.jpa.autoconfigure.DataJpaRepositoriesAutoConfiguration" })
public class JobTestApplication {

	public static void main(String[] args) {
		SpringApplication.run(JobTestApplication.class, args);
	}

	/** A non-daemon thread that never ends, as a scheduler or a message listener has. */
	@Bean
	@ConditionalOnBooleanProperty("jobapp.busy-thread")
	Thread busyThread() {
		Thread thread = new Thread(() -> {
			try {
				Thread.sleep(Long.MAX_VALUE);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}, "busy");
		thread.setDaemon(false);
		thread.start();
		return thread;
	}

}

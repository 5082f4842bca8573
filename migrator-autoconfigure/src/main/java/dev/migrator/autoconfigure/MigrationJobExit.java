package dev.migrator.autoconfigure;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;

/**
 * Ends the process once the migration job ran, with the job's exit code. Ending it here
 * rather than when {@code main} returns matters: a thread pool of the application (a
 * scheduler, a message listener) would otherwise keep the JVM, and so the Kubernetes Job,
 * running for ever. The context is closed first, as {@link SpringApplication#exit} does,
 * so beans shut down cleanly.
 */
public class MigrationJobExit implements ApplicationListener<ApplicationReadyEvent> {

	@Override
	public void onApplicationEvent(ApplicationReadyEvent event) {
		int exitCode = SpringApplication.exit(event.getApplicationContext());
		System.exit(exitCode);
	}

}

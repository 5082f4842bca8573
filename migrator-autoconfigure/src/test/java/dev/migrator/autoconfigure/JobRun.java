package dev.migrator.autoconfigure;

import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;

/**
 * Runs the migration job of a test context as SpringApplication would after start-up, for
 * tests that switch {@code migrator.job.exit} off.
 */
final class JobRun {

	private JobRun() {
	}

	/** Runs the job's command and returns the exit code the process would end with. */
	static int exitCode(AssertableApplicationContext context) {
		context.getBean(MigratorJobRunner.class).run(new DefaultApplicationArguments());
		return SpringApplication.exit(context);
	}

}

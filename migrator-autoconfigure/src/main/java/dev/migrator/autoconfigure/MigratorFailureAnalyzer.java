package dev.migrator.autoconfigure;

import dev.migrator.core.error.MigratorException;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns an engine error at startup into Spring Boot's failure report: the engine's
 * message, which names the property, file or revision at fault, is the description; the
 * action says where to change it.
 */
class MigratorFailureAnalyzer extends AbstractFailureAnalyzer<MigratorException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, MigratorException cause) {
		return new FailureAnalysis(cause.getMessage(), action(cause.code()), cause);
	}

	private static String action(String code) {
		return switch (code) {
			case "invalid-configuration", "invalid-target", "invalid-range" -> "Correct the migrator.* property named "
					+ "above in your application's configuration (application.properties or .yaml, an environment "
					+ "variable such as MIGRATOR_JOB_TARGET, or a --migrator.* argument).";
			case "invalid-location", "location-not-found", "unreadable-location" -> "Correct migrator.locations: a "
					+ "comma-separated list of classpath:FOLDER or filesystem:FOLDER entries.";
			case "unsupported-database" -> "Point migrator.url (or spring.datasource.url) at a PostgreSQL or SQLite "
					+ "database: those are the databases migrator migrates.";
			case "database-error", "no-data-source" -> "Check the DataSource the migrations use (spring.datasource.* "
					+ "or migrator.url, migrator.user, migrator.password) and that the database is reachable.";
			default -> "Fix what the description names: it gives the revision, file or setting at fault and what to "
					+ "do next.";
		};
	}

}

package dev.migrator.benchmarks;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One tool's Spring Boot integration as {@link SpringBootJobBenchmark} runs it in a child
 * JVM: the artifacts that make the integration (its starter and everything only it
 * brings), so that the other children go without them, the arguments that point it at a
 * history, and the query that counts what it applied.
 */
enum BootIntegration {

	/**
	 * Our starter as shipped, which brings Spring Boot's actuator and Micrometer with it.
	 * Module folder names stand beside the artifact names for a classpath that holds a
	 * reactor module's {@code target/classes}.
	 */
	MIGRATOR("migrator",
			union(Set.of("migrator-spring-boot-starter", "migrator-spring-boot-autoconfigure", "migrator-core",
					"migrator-starter", "migrator-autoconfigure"), Artifacts.ACTUATOR),
			"SELECT count(DISTINCT revision) FROM migrator_history WHERE direction = 'upgrade' AND outcome = 'success'") {

		@Override
		List<String> arguments(Path history) {
			return List.of("--spring.profiles.active=migrate", "--migrator.locations=filesystem:" + history);
		}

	},

	/**
	 * Spring Boot's Flyway starter, with Flyway's PostgreSQL support and the Jackson that
	 * Flyway needs.
	 */
	FLYWAY("Flyway",
			Set.of("spring-boot-starter-flyway", "spring-boot-flyway", "flyway-core", "flyway-database-postgresql",
					"jackson-databind", "jackson-core", "jackson-annotations"),
			"SELECT count(*) FROM flyway_schema_history WHERE success AND version IS NOT NULL") {

		@Override
		List<String> arguments(Path history) {
			return List.of("--spring.flyway.locations=filesystem:" + history);
		}

	},

	/** Spring Boot's Liquibase starter and the libraries Liquibase brings. */
	LIQUIBASE("Liquibase",
			Set.of("spring-boot-starter-liquibase", "spring-boot-liquibase", "liquibase-core", "snakeyaml",
					"commons-collections4", "commons-text", "opencsv", "jaxb-api", "commons-lang3", "commons-io"),
			"SELECT count(*) FROM databasechangelog WHERE exectype = 'EXECUTED'") {

		@Override
		List<String> arguments(Path history) {
			// A Spring resource location: without the prefix the path would be read from
			// the classpath.
			return List.of("--spring.liquibase.change-log=file:" + history);
		}

	};

	/**
	 * Artifact names shared by the constants, which cannot refer to static fields of
	 * their own enum.
	 */
	static final class Artifacts {

		/**
		 * What our starter brings for its endpoint, health indicator and metrics: Spring
		 * Boot's actuator starter.
		 */
		static final Set<String> ACTUATOR = Set.of("spring-boot-starter-actuator", "spring-boot-actuator-autoconfigure",
				"spring-boot-actuator", "spring-boot-health", "spring-boot-starter-micrometer-metrics",
				"spring-boot-micrometer-metrics", "spring-boot-micrometer-observation", "micrometer-core",
				"micrometer-jakarta9", "HdrHistogram");

		private Artifacts() {
		}

	}

	private final String label;

	private final Set<String> artifacts;

	private final String appliedCountQuery;

	BootIntegration(String label, Set<String> artifacts, String appliedCountQuery) {
		this.label = label;
		this.artifacts = artifacts;
		this.appliedCountQuery = appliedCountQuery;
	}

	String label() {
		return this.label;
	}

	/** Artifact ids (and module folder names) that only this integration brings. */
	Set<String> artifacts() {
		return this.artifacts;
	}

	/** Counts the revisions the tool's history table records as applied. */
	String appliedCountQuery() {
		return this.appliedCountQuery;
	}

	private static Set<String> union(Set<String> first, Set<String> second) {
		Set<String> all = new HashSet<>(first);
		all.addAll(second);
		return Set.copyOf(all);
	}

	/**
	 * What points the tool at the given history: a folder of files, or Liquibase's
	 * changelog file.
	 */
	abstract List<String> arguments(Path history);

}

package dev.migrator.benchmarks;

import dev.migrator.testsupport.TestDataSources;
import dev.migrator.testsupport.TestPostgres;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

import javax.sql.DataSource;

/**
 * Runs the same history of one-statement revisions through migrator, Flyway and Liquibase
 * in this one JVM, on fresh PostgreSQL databases: applying all of it to an empty
 * database, a no-op run on the up-to-date database, and a validation. Prints medians and
 * the ratios migrator/Flyway and migrator/Liquibase, and writes them as CSV to
 * {@code target/engine-overhead.csv}. Arguments: {@code revisions[,runs]}.
 */
public final class EngineOverheadBenchmark {

	private static final List<String> STEPS = List.of("apply all to an empty database", "no-op run, up to date",
			"validate / check");

	// Held so that the level set on it is not lost when the logger is collected.
	private static final Logger LIQUIBASE_LOG = Logger.getLogger("liquibase");

	private EngineOverheadBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		// Liquibase would otherwise try to send usage analytics over the network from
		// inside the measurement.
		System.setProperty("liquibase.analytics.enabled", "false");
		// Quiet like the other two (Flyway and migrator log to slf4j-nop): printing is
		// not what is measured.
		LIQUIBASE_LOG.setLevel(Level.WARNING);
		String[] parts = (args.length == 0) ? new String[0] : args[0].split(",");
		int size = (parts.length > 0) ? Integer.parseInt(parts[0].trim()) : 1_000;
		int runs = (parts.length > 1) ? Integer.parseInt(parts[1].trim()) : 5;

		OneStatementHistory history = OneStatementHistory.of(size);
		Path folder = Files.createTempDirectory("migrator-engine-bench");
		history.writeMigrator(folder.resolve("migrator"));
		history.writeFlyway(folder.resolve("flyway"));
		history.writeLiquibase(folder.resolve("liquibase").resolve("changelog.sql"));
		List<MigrationTool> tools = List.of(MigrationTool.migrator(folder.resolve("migrator")),
				MigrationTool.flyway(folder.resolve("flyway")),
				MigrationTool.liquibase(folder.resolve("liquibase").resolve("changelog.sql")));

		TestPostgres server = TestPostgres.shared();
		Map<String, Map<String, List<Double>>> times = new LinkedHashMap<>();
		for (MigrationTool tool : tools) {
			times.put(tool.name(), new LinkedHashMap<>());
			STEPS.forEach((step) -> times.get(tool.name()).put(step, new ArrayList<>()));
		}
		// Round 0 warms up every tool's code in this JVM and is not counted. Each round
		// rotates the order, so that no
		// tool always runs first (cold caches in the server) or last.
		for (int round = 0; round <= runs; round++) {
			for (int i = 0; i < tools.size(); i++) {
				MigrationTool tool = tools.get((round + i) % tools.size());
				double[] measured = measureOnFreshDatabase(server, tool);
				System.out.printf(Locale.ROOT, "round %d %-10s apply %8.1f ms  no-op %7.1f ms  validate %7.1f ms%n",
						round, tool.name(), measured[0], measured[1], measured[2]);
				if (round > 0) {
					for (int s = 0; s < STEPS.size(); s++) {
						times.get(tool.name()).get(STEPS.get(s)).add(measured[s]);
					}
				}
			}
		}
		printAndWrite(size, runs, times);
		try (var paths = Files.walk(folder)) {
			paths.sorted(java.util.Comparator.reverseOrder()).forEach((p) -> p.toFile().delete());
		}
		System.exit(0);
	}

	private static double[] measureOnFreshDatabase(TestPostgres server, MigrationTool tool) throws Exception {
		DataSource dataSource = dataSource(server);
		double apply = time(() -> tool.upgrade(dataSource));
		double noop = time(() -> tool.upgrade(dataSource));
		double validate = time(() -> tool.validate(dataSource));
		return new double[] { apply, noop, validate };
	}

	private static DataSource dataSource(TestPostgres server) {
		return TestDataSources.freshPostgres(server);
	}

	private interface Work {

		void run() throws Exception;

	}

	private static double time(Work work) throws Exception {
		long start = System.nanoTime();
		work.run();
		return (System.nanoTime() - start) / 1_000_000.0;
	}

	private static double median(List<Double> values) {
		List<Double> sorted = values.stream().sorted().toList();
		int middle = sorted.size() / 2;
		return (sorted.size() % 2 == 1) ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
	}

	private static void printAndWrite(int size, int runs, Map<String, Map<String, List<Double>>> times)
			throws Exception {
		StringBuilder csv = new StringBuilder("revisions,runs,step,migrator_ms,flyway_ms,liquibase_ms,"
				+ "migrator_over_flyway,migrator_over_liquibase\n");
		System.out.println();
		System.out.printf(Locale.ROOT, "%,d revisions, median of %d runs%n", size, runs);
		System.out.println("| step | migrator ms | Flyway ms | Liquibase ms | migrator/Flyway | migrator/Liquibase |");
		System.out.println("| --- | ---: | ---: | ---: | ---: | ---: |");
		for (String step : STEPS) {
			double migrator = median(times.get("migrator").get(step));
			double flyway = median(times.get("Flyway").get(step));
			double liquibase = median(times.get("Liquibase").get(step));
			System.out.printf(Locale.ROOT, "| %s | %,.1f | %,.1f | %,.1f | %.2f | %.2f |%n", step, migrator, flyway,
					liquibase, migrator / flyway, migrator / liquibase);
			// The step is quoted: its name may hold a comma.
			csv.append(String.format(Locale.ROOT, "%d,%d,\"%s\",%.1f,%.1f,%.1f,%.3f,%.3f%n", size, runs, step, migrator,
					flyway, liquibase, migrator / flyway, migrator / liquibase));
		}
		Path result = Path.of("target", "engine-overhead.csv");
		Files.createDirectories(result.getParent());
		Files.writeString(result, csv);
		System.out.println("Written to " + result);
	}

}

package dev.migrator.benchmarks;

import dev.migrator.benchmarks.JobProcess.Database;
import dev.migrator.benchmarks.JobProcess.Timing;
import dev.migrator.testsupport.TestPostgres;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Runs the same history of one-statement revisions through each tool's Spring Boot
 * integration as a whole JVM, start to exit: migrator's migration job
 * ({@code --spring.profiles.active=migrate}), and Spring Boot's Flyway and Liquibase
 * auto-configurations, which migrate while the context starts. Each child JVM has only
 * its own tool's integration on its classpath (see {@link ChildClasspath}). Measures
 * applying all of the history to a fresh database and a no-op run on the up-to-date
 * database; to show where a no-op run's time goes, also when the context had started, a
 * no-op run with an empty history, and migrator's two no-op runs once more without the
 * actuator that our starter brings. Prints medians and the ratios migrator/Flyway and
 * migrator/Liquibase, and writes them as CSV to {@code target/spring-boot-job.csv}. Last,
 * each tool's two no-op runs again with a class data sharing archive that a training run
 * of that tool wrote ({@code -XX:ArchiveClassesAtExit}, then
 * {@code -XX:SharedArchiveFile}), as a container image built for a fast start would have,
 * and migrator's job built ahead of time by Spring AOT ({@link AotBuild}), alone and with
 * an archive trained on it. Arguments: {@code revisions[,runs]}.
 */
public final class SpringBootJobBenchmark {

	private static final String APPLY = "apply all to an empty database";

	private static final String NO_OP = "no-op run, up to date";

	private static final String NO_OP_STARTED = "no-op run: until the context has started";

	private static final String EMPTY = "no-op run, empty history";

	/** The lines of the main table; the others show where a no-op run's time goes. */
	private static final List<String> MAIN_STEPS = List.of(APPLY, NO_OP);

	private static final List<String> BREAKDOWN_STEPS = List.of(NO_OP_STARTED, EMPTY);

	/**
	 * How the migrator child without the actuator its starter brings is labelled in the
	 * table.
	 */
	private static final String WITHOUT_ACTUATOR = " (migrator without actuator)";

	/** How the runs with a class data sharing archive are labelled. */
	private static final String WITH_CDS = " (each with a CDS archive)";

	/** Spring's AOT mode, which a child runs in with the bean definitions built ahead. */
	private static final String AOT_ENABLED = "-Dspring.aot.enabled=true";

	/** The migrator job's variants built ahead of time, in the order they are printed. */
	private static final List<String> AOT_VARIANTS = List.of(" (migrator with AOT)",
			" (migrator with AOT and a CDS archive)");

	private SpringBootJobBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		String[] parts = (args.length == 0) ? new String[0] : args[0].split(",");
		int size = (parts.length > 0) ? Integer.parseInt(parts[0].trim()) : 1_000;
		int runs = (parts.length > 1) ? Integer.parseInt(parts[1].trim()) : 5;

		Path folder = Files.createTempDirectory("migrator-boot-job-bench");
		Map<BootIntegration, Path> histories = write(OneStatementHistory.of(size), folder.resolve("history"));
		Map<BootIntegration, Path> emptyHistories = write(OneStatementHistory.of(0), folder.resolve("empty"));
		Map<BootIntegration, ChildClasspath> classpaths = classpaths();
		ChildClasspath withoutActuator = classpaths.get(BootIntegration.MIGRATOR)
			.without(BootIntegration.Artifacts.ACTUATOR);

		TestPostgres server = TestPostgres.shared();
		JobProcess process = new JobProcess(folder.resolve("child.log"));
		List<BootIntegration> tools = List.of(BootIntegration.values());
		Map<BootIntegration, Map<String, List<Double>>> times = new EnumMap<>(BootIntegration.class);
		tools.forEach((tool) -> times.put(tool, emptyLists(APPLY, NO_OP, NO_OP_STARTED, EMPTY)));
		Map<String, List<Double>> withoutActuatorTimes = emptyLists(NO_OP, EMPTY);
		Map<BootIntegration, Map<String, List<Double>>> cdsTimes = new EnumMap<>(BootIntegration.class);
		tools.forEach((tool) -> cdsTimes.put(tool, emptyLists(NO_OP, EMPTY)));
		Map<BootIntegration, List<String>> cdsFlags = new EnumMap<>(BootIntegration.class);
		Map<BootIntegration, ChildClasspath> cdsClasspaths = new EnumMap<>(BootIntegration.class);
		Map<String, Map<String, List<Double>>> aotTimes = new LinkedHashMap<>();
		AOT_VARIANTS.forEach((variant) -> aotTimes.put(variant, emptyLists(NO_OP, EMPTY)));
		Map<String, List<String>> aotFlags = new LinkedHashMap<>();
		ChildClasspath aotClasspath = null;
		// Round 0 warms up the server, the file system cache and the JVM's class data,
		// and is not counted. Each round
		// rotates the order, so that no tool always runs first or last.
		for (int round = 0; round <= runs; round++) {
			for (int i = 0; i < tools.size(); i++) {
				BootIntegration tool = tools.get((round + i) % tools.size());
				Path history = histories.get(tool);
				Path emptyHistory = emptyHistories.get(tool);
				Database database = freshDatabase(server);
				Timing apply = process.run(classpaths.get(tool), tool.arguments(history), database);
				expectApplied(server, database, tool, size);
				Timing noop = process.run(classpaths.get(tool), tool.arguments(history), database);
				expectApplied(server, database, tool, size);
				// The first run on an empty history creates the tool's tables; the second
				// is the floor of a no-op.
				Database empty = freshDatabase(server);
				process.run(classpaths.get(tool), tool.arguments(emptyHistory), empty);
				Timing floor = process.run(classpaths.get(tool), tool.arguments(emptyHistory), empty);
				System.out.printf(Locale.ROOT,
						"round %d %-10s apply %8.1f ms  no-op %7.1f ms (context started at "
								+ "%6.1f)  empty history %7.1f ms%n",
						round, tool.label(), apply.totalMs(), noop.totalMs(), noop.contextStartedMs(), floor.totalMs());
				if (round > 0) {
					Map<String, List<Double>> toolTimes = times.get(tool);
					toolTimes.get(APPLY).add(apply.totalMs());
					toolTimes.get(NO_OP).add(noop.totalMs());
					toolTimes.get(NO_OP_STARTED).add(noop.contextStartedMs());
					toolTimes.get(EMPTY).add(floor.totalMs());
				}
				if (round == 0) {
					// The training run: a no-op of the tool's own, whose loaded classes
					// the archive keeps.
					Path archive = folder.resolve(tool.name().toLowerCase(Locale.ROOT) + ".jsa");
					cdsClasspaths.put(tool, classpaths.get(tool).jarred(folder.resolve("jars")));
					process.run(cdsClasspaths.get(tool), tool.arguments(history), database,
							List.of("-XX:ArchiveClassesAtExit=" + archive));
					cdsFlags.put(tool, List.of("-XX:SharedArchiveFile=" + archive));
				}
				Timing cdsNoop = process.run(cdsClasspaths.get(tool), tool.arguments(history), database,
						cdsFlags.get(tool));
				Timing cdsFloor = process.run(cdsClasspaths.get(tool), tool.arguments(emptyHistory), empty,
						cdsFlags.get(tool));
				System.out.printf(Locale.ROOT, "round %d %-10s no-op %7.1f ms  empty history %7.1f ms (CDS)%n", round,
						tool.label(), cdsNoop.totalMs(), cdsFloor.totalMs());
				if (round > 0) {
					cdsTimes.get(tool).get(NO_OP).add(cdsNoop.totalMs());
					cdsTimes.get(tool).get(EMPTY).add(cdsFloor.totalMs());
				}
				if (tool == BootIntegration.MIGRATOR) {
					if (round == 0) {
						aotClasspath = new AotBuild(folder.resolve("aot")).process(cdsClasspaths.get(tool),
								List.of("--spring.profiles.active=migrate"));
						Path archive = folder.resolve("migrator-aot.jsa");
						process.run(aotClasspath, tool.arguments(history), database,
								List.of(AOT_ENABLED, "-XX:ArchiveClassesAtExit=" + archive));
						aotFlags.put(AOT_VARIANTS.get(0), List.of(AOT_ENABLED));
						aotFlags.put(AOT_VARIANTS.get(1), List.of(AOT_ENABLED, "-XX:SharedArchiveFile=" + archive));
					}
					for (String variant : AOT_VARIANTS) {
						Timing aotNoop = process.run(aotClasspath, tool.arguments(history), database,
								aotFlags.get(variant));
						Timing aotFloor = process.run(aotClasspath, tool.arguments(emptyHistory), empty,
								aotFlags.get(variant));
						System.out.printf(Locale.ROOT, "round %d %-10s no-op %7.1f ms  empty history %7.1f ms%s%n",
								round, tool.label(), aotNoop.totalMs(), aotFloor.totalMs(), variant);
						if (round > 0) {
							aotTimes.get(variant).get(NO_OP).add(aotNoop.totalMs());
							aotTimes.get(variant).get(EMPTY).add(aotFloor.totalMs());
						}
					}
					// The same two no-op runs, on the same databases, without the
					// actuator.
					Timing bareNoop = process.run(withoutActuator, tool.arguments(history), database);
					Timing bareFloor = process.run(withoutActuator, tool.arguments(emptyHistory), empty);
					System.out.printf(Locale.ROOT, "round %d %-10s no-op %7.1f ms  empty history %7.1f ms%n", round,
							"migrator without actuator", bareNoop.totalMs(), bareFloor.totalMs());
					if (round > 0) {
						withoutActuatorTimes.get(NO_OP).add(bareNoop.totalMs());
						withoutActuatorTimes.get(EMPTY).add(bareFloor.totalMs());
					}
				}
			}
		}
		printAndWrite(size, runs, times, withoutActuatorTimes, cdsTimes, aotTimes);
		try (var paths = Files.walk(folder)) {
			paths.sorted(Comparator.reverseOrder()).forEach((p) -> p.toFile().delete());
		}
		System.exit(0);
	}

	/** Each tool's child classpath, printed so that a reader sees what each child has. */
	private static Map<BootIntegration, ChildClasspath> classpaths() {
		Map<BootIntegration, ChildClasspath> classpaths = new EnumMap<>(BootIntegration.class);
		for (BootIntegration tool : BootIntegration.values()) {
			ChildClasspath classpath = ChildClasspath.of(tool, System.getProperty("java.class.path"));
			classpaths.put(tool, classpath);
			System.out.printf(Locale.ROOT, "%-10s child classpath: %d entries; its own: %s%n", tool.label(),
					classpath.entries().size(), String.join(", ", classpath.ownArtifacts()));
		}
		System.out
			.println("Common to all: " + String.join(", ", classpaths.get(BootIntegration.MIGRATOR).commonArtifacts()));
		return classpaths;
	}

	private static Map<String, List<Double>> emptyLists(String... steps) {
		Map<String, List<Double>> lists = new LinkedHashMap<>();
		for (String step : steps) {
			lists.put(step, new ArrayList<>());
		}
		return lists;
	}

	/**
	 * The history in each tool's format: migrator's and Flyway's folders, Liquibase's
	 * changelog file.
	 */
	private static Map<BootIntegration, Path> write(OneStatementHistory history, Path folder) throws Exception {
		Map<BootIntegration, Path> locations = new EnumMap<>(BootIntegration.class);
		locations.put(BootIntegration.MIGRATOR, folder.resolve("migrator"));
		locations.put(BootIntegration.FLYWAY, folder.resolve("flyway"));
		locations.put(BootIntegration.LIQUIBASE, folder.resolve("liquibase").resolve("changelog.sql"));
		history.writeMigrator(locations.get(BootIntegration.MIGRATOR));
		history.writeFlyway(locations.get(BootIntegration.FLYWAY));
		history.writeLiquibase(locations.get(BootIntegration.LIQUIBASE));
		return locations;
	}

	private static Database freshDatabase(TestPostgres server) {
		return new Database(server.createDatabase(), server.user(), server.password());
	}

	/**
	 * An exit code 0 is not enough: the tool must have recorded every revision as
	 * applied.
	 */
	private static void expectApplied(TestPostgres server, Database database, BootIntegration tool, int size)
			throws Exception {
		try (Connection connection = server.connect(database.url());
				Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery(tool.appliedCountQuery())) {
			rs.next();
			long applied = rs.getLong(1);
			if (applied != size) {
				throw new IllegalStateException(tool.label() + " exited 0 but its history table records " + applied
						+ " applied revisions instead of " + size + " (" + tool.appliedCountQuery() + ")");
			}
		}
	}

	private static double median(List<Double> values) {
		List<Double> sorted = values.stream().sorted().toList();
		int middle = sorted.size() / 2;
		return (sorted.size() % 2 == 1) ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
	}

	private static void printAndWrite(int size, int runs, Map<BootIntegration, Map<String, List<Double>>> times,
			Map<String, List<Double>> withoutActuatorTimes, Map<BootIntegration, Map<String, List<Double>>> cdsTimes,
			Map<String, Map<String, List<Double>>> aotTimes) throws Exception {
		Table table = new Table(size, runs, times);
		System.out.println();
		System.out.printf(Locale.ROOT, "%,d revisions, whole JVM through Spring Boot, median of %d runs%n", size, runs);
		table.printHeader();
		MAIN_STEPS.forEach(table::printRow);
		System.out.println();
		System.out.println("Where a no-op run's time goes:");
		table.printHeader();
		BREAKDOWN_STEPS.forEach(table::printRow);
		withoutActuatorTimes.forEach((step, migrator) -> table.printRow(step + WITHOUT_ACTUATOR, step, migrator));
		System.out.println();
		System.out
			.println("With a class data sharing archive: migrator's against the others' as they come, and against "
					+ "theirs with an archive too:");
		table.printHeader();
		Table withArchives = new Table(size, runs, cdsTimes);
		for (String step : List.of(NO_OP, EMPTY)) {
			table.printRow(step + " (migrator with a CDS archive)", step,
					cdsTimes.get(BootIntegration.MIGRATOR).get(step));
			withArchives.printRow(step + WITH_CDS, step, cdsTimes.get(BootIntegration.MIGRATOR).get(step));
		}
		System.out.println();
		System.out.println("migrator's job built ahead of time (Spring AOT), against the others as they come:");
		table.printHeader();
		for (String step : List.of(NO_OP, EMPTY)) {
			aotTimes.forEach((variant, variantTimes) -> table.printRow(step + variant, step, variantTimes.get(step)));
		}
		table.csv.append(withArchives.csv.substring(withArchives.csv.indexOf("\n") + 1));
		Path result = Path.of("target", "spring-boot-job.csv");
		Files.createDirectories(result.getParent());
		Files.writeString(result, table.csv);
		System.out.println("Written to " + result);
	}

	/** Prints the rows of medians and ratios, and keeps them as CSV. */
	private static final class Table {

		private final int size;

		private final int runs;

		private final Map<BootIntegration, Map<String, List<Double>>> times;

		private final StringBuilder csv = new StringBuilder(
				"revisions,runs,step,migrator_ms,flyway_ms,liquibase_ms,migrator_over_flyway,migrator_over_liquibase\n");

		Table(int size, int runs, Map<BootIntegration, Map<String, List<Double>>> times) {
			this.size = size;
			this.runs = runs;
			this.times = times;
		}

		void printHeader() {
			System.out
				.println("| step | migrator ms | Flyway ms | Liquibase ms | migrator/Flyway | migrator/Liquibase |");
			System.out.println("| --- | ---: | ---: | ---: | ---: | ---: |");
		}

		void printRow(String step) {
			printRow(step, step, this.times.get(BootIntegration.MIGRATOR).get(step));
		}

		/**
		 * A row labelled {@code label} with the given migrator times against Flyway's and
		 * Liquibase's of the step.
		 */
		void printRow(String label, String step, List<Double> migratorTimes) {
			double migrator = median(migratorTimes);
			double flyway = median(this.times.get(BootIntegration.FLYWAY).get(step));
			double liquibase = median(this.times.get(BootIntegration.LIQUIBASE).get(step));
			System.out.printf(Locale.ROOT, "| %s | %,.1f | %,.1f | %,.1f | %.2f | %.2f |%n", label, migrator, flyway,
					liquibase, migrator / flyway, migrator / liquibase);
			// The step is quoted: its name may hold a comma.
			this.csv.append(String.format(Locale.ROOT, "%d,%d,\"%s\",%.1f,%.1f,%.1f,%.3f,%.3f%n", this.size, this.runs,
					label, migrator, flyway, liquibase, migrator / flyway, migrator / liquibase));
		}

	}

}

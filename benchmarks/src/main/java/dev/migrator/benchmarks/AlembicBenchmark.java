package dev.migrator.benchmarks;

import dev.migrator.testsupport.TestPostgres;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.jar.JarFile;
import java.util.stream.IntStream;

/**
 * migrator against Alembic, each as a whole process, as a deploy runs them: a child JVM
 * running {@link dev.migrator.benchmarks.cli.MigratorCli} against {@code alembic} on the
 * command line, timed from start to exit. Two parts:
 * <ul>
 * <li>engine overhead: the history of {@link OneStatementHistory}, applied to a fresh
 * PostgreSQL database, run again with nothing to do, then checked ({@code check()}
 * against {@code alembic current});</li>
 * <li>graph scale: {@code heads} over the files of a {@link GeneratedHistory} (branches,
 * merges, dependencies), with no database.</li>
 * </ul>
 * Besides the two headline contenders (each with its defaults), variants that show where
 * the time goes: migrator with C1 only and with an application class data sharing
 * archive, Alembic with a transaction per revision and without a bytecode cache. A first
 * round warms up (page cache, Python bytecode) and is not counted; the tools then take
 * turns going first. Prints medians and writes them to {@code target/alembic.csv}.
 * Arguments: {@code revisions,runs[,graph size...]}, e.g.
 * {@code 1000,5,1000,10000,100000}.
 */
public final class AlembicBenchmark {

	static final String MIGRATOR = "migrator";

	static final String ALEMBIC = "Alembic";

	/** The sample application's jar as the migration job, through Spring Boot. */
	static final String SAMPLE_JOB = "sample jar job";

	private static final String EXTRACTED = ", extracted";

	private static final String EXTRACTED_CDS = ", extracted + CDS";

	private static final String EXTRACTED_AOT_CDS = ", extracted + AOT + CDS";

	private static final String AOT_ENABLED = "-Dspring.aot.enabled=true";

	private static final String ENGINE = "engine overhead";

	private static final String GRAPH = "graph scale";

	private static final List<String> ENGINE_STEPS = List.of("apply all to an empty database", "no-op run, up to date",
			"validate / check: check() / alembic current", "start and exit, no work: empty main / alembic --version");

	private static final Duration ENGINE_LIMIT = Duration.ofMinutes(10);

	/**
	 * Alembic's graph runs count only if they finish within this; the warm-up run may
	 * take longer.
	 */
	private static final Duration GRAPH_LIMIT = Duration.ofMinutes(2);

	private static final Duration WARMUP_LIMIT = Duration.ofMinutes(5);

	// From this size on, a run takes long enough that three counted runs give a stable
	// median.
	private static final int LARGE = 100_000;

	private final TestPostgres server;

	private final String password;

	private final Timings timings = new Timings();

	/** Where the class data sharing archive goes; also holds the class path's jars. */
	private final Path jvmFolder;

	private final String classPath;

	private final List<String> notes = new ArrayList<>();

	private AlembicBenchmark(TestPostgres server, Path jvmFolder) throws IOException {
		this.server = server;
		this.password = server.password();
		this.jvmFolder = jvmFolder;
		this.classPath = JarredClassPath.of(System.getProperty("java.class.path"), jvmFolder);
	}

	public static void main(String[] args) throws Exception {
		List<Integer> numbers = Arrays.stream(((args.length == 0) ? "1000,5,1000,10000,100000" : args[0]).split(","))
			.map(String::trim)
			.map(Integer::parseInt)
			.toList();
		int revisions = numbers.get(0);
		int runs = (numbers.size() > 1) ? numbers.get(1) : 5;
		List<Integer> graphSizes = (numbers.size() > 2) ? numbers.subList(2, numbers.size()) : List.of(10_000);

		AlembicInstallation alembic = AlembicInstallation.find();
		System.out.printf(Locale.ROOT, "Alembic %s, SQLAlchemy %s (%s); OpenJDK %s%n", alembic.alembicVersion(),
				alembic.sqlAlchemyVersion(), String.join(" ", alembic.command()), System.getProperty("java.version"));
		TestPostgres server = TestPostgres.shared();
		System.out.println("PostgreSQL " + server.serverVersionNum());

		Path folder = Files.createTempDirectory("migrator-alembic-bench");
		try {
			AlembicBenchmark benchmark = new AlembicBenchmark(server, folder.resolve("jvm"));
			// 0 revisions: the graph part alone, with the archive of a small upgrade.
			if (revisions > 0) {
				benchmark.engineOverhead(alembic, revisions, runs, folder.resolve("engine"));
			}
			else {
				benchmark.writeClassArchive(HistoryFiles.oneStatement(100, folder.resolve("archive")));
			}
			for (int size : graphSizes) {
				benchmark.graphScale(alembic, size, (size >= LARGE) ? Math.min(runs, 3) : runs,
						folder.resolve("graph-" + size));
			}
			benchmark.printAndWrite();
		}
		finally {
			delete(folder);
		}
		System.exit(0);
	}

	private void engineOverhead(AlembicInstallation alembic, int size, int runs, Path folder) throws Exception {
		HistoryFiles files = HistoryFiles.oneStatement(size, folder);
		List<WholeProcessTool> tools = tools(alembic, true);
		writeClassArchive(files);
		for (int round = 0; round <= runs; round++) {
			for (WholeProcessTool tool : turn(tools, round)) {
				double[] measured = measureOnFreshDatabase(tool, files, size);
				System.out.printf(Locale.ROOT,
						"round %d %-40s apply %8.1f ms  no-op %7.1f ms  check %7.1f ms  empty %6.1f ms%n", round,
						tool.name(), measured[0], measured[1], measured[2], measured[3]);
				if (round > 0) {
					for (int s = 0; s < ENGINE_STEPS.size(); s++) {
						this.timings.add(new Timings.Step(ENGINE, size, ENGINE_STEPS.get(s)), tool.name(), measured[s]);
					}
				}
			}
		}
	}

	/**
	 * The archive holds the classes that one migrator upgrade loads (JDK 17's dynamic
	 * archive, on top of the JDK's default one). Written once, before the rounds; the
	 * graph part uses it too.
	 */
	private void writeClassArchive(HistoryFiles files) throws Exception {
		Path archive = archive();
		BenchDatabase database = BenchDatabase.create(this.server);
		MigratorProcess writer = new MigratorProcess("archive writer", List.of("-XX:ArchiveClassesAtExit=" + archive),
				this.classPath);
		run(writer, writer.upgrade(files, database), ENGINE_LIMIT).requireSuccess();
		if (!Files.isRegularFile(archive)) {
			throw new IllegalStateException("The JVM wrote no class data sharing archive to " + archive);
		}
	}

	private double[] measureOnFreshDatabase(WholeProcessTool tool, HistoryFiles files, int size) throws Exception {
		BenchDatabase database = BenchDatabase.create(this.server);
		ProcessRun apply = run(tool, tool.upgrade(files, database), ENGINE_LIMIT).requireSuccess();
		ProcessRun noop = run(tool, tool.upgrade(files, database), ENGINE_LIMIT).requireSuccess();
		if (tool instanceof MigratorProcess) {
			expectOutput(tool, apply, "applied " + size);
			expectOutput(tool, noop, "applied 0");
		}
		verifySchema(tool, database, files.head(), size);
		ProcessRun check = run(tool, tool.check(files, database), ENGINE_LIMIT).requireSuccess();
		expectOutput(tool, check, files.head());
		ProcessRun empty = run(tool, tool.empty(), ENGINE_LIMIT).requireSuccess();
		return new double[] { apply.millis(), noop.millis(), check.millis(), empty.millis() };
	}

	private void graphScale(AlembicInstallation alembic, int size, int runs, Path folder) throws Exception {
		HistoryFiles files = HistoryFiles.generated(size, folder);
		List<WholeProcessTool> tools = tools(alembic, false);
		tools.addAll(sampleJobs(files, folder));
		Set<String> expectedHeads = null;
		Set<String> tooSlow = new HashSet<>();
		Timings.Step step = new Timings.Step(GRAPH, size,
				"heads, " + String.format(Locale.ROOT, "%,d", size) + " files");
		for (int round = 0; round <= runs; round++) {
			for (WholeProcessTool tool : turn(tools, round)) {
				if (tooSlow.contains(tool.name())) {
					continue;
				}
				ProcessRun run = run(tool, tool.heads(files), (round == 0) ? WARMUP_LIMIT : GRAPH_LIMIT);
				boolean slow = run.timedOut() || run.millis() > GRAPH_LIMIT.toMillis();
				if (slow && tool instanceof AlembicProcess) {
					tooSlow.add(tool.name());
					String note = String.format(Locale.ROOT, "%s: heads on %,d files %s in round %d; not run again",
							tool.name(), size,
							run.timedOut() ? "did not finish within " + WARMUP_LIMIT.toMinutes() + " min"
									: String.format(Locale.ROOT, "took %.1f s", run.millis() / 1000),
							round);
					this.notes.add(note);
					System.out.println(note);
					continue;
				}
				run.requireSuccess();
				Set<String> heads = tool.headsIn(run);
				if (expectedHeads == null) {
					expectedHeads = heads;
				}
				else if (!heads.equals(expectedHeads)) {
					throw new IllegalStateException(tool.name() + " printed heads " + heads + ", not " + expectedHeads);
				}
				System.out.printf(Locale.ROOT, "round %d %-40s heads of %,d files %9.1f ms  (%d heads)%n", round,
						tool.name(), size, run.millis(), heads.size());
				if (round > 0) {
					this.timings.add(step, tool.name(), run.millis());
				}
			}
		}
		this.notes.add(String.format(Locale.ROOT, "%,d files: every tool printed the same %d heads %s", size,
				expectedHeads.size(), expectedHeads));
		delete(folder);
	}

	private Path archive() {
		return this.jvmFolder.resolve("migrator.jsa");
	}

	/**
	 * The headline contenders, each with its defaults, and the variants. The transaction
	 * variant of Alembic only changes what an upgrade does, so it runs in the engine part
	 * only.
	 */
	private List<WholeProcessTool> tools(AlembicInstallation alembic, boolean engine) {
		String cds = "-XX:SharedArchiveFile=" + archive();
		String c1 = "-XX:TieredStopAtLevel=1";
		List<WholeProcessTool> tools = new ArrayList<>(List.of(new MigratorProcess(MIGRATOR, List.of(), this.classPath),
				new MigratorProcess(MIGRATOR + ", C1 only", List.of(c1), this.classPath),
				new MigratorProcess(MIGRATOR + ", AppCDS", List.of(cds), this.classPath),
				new MigratorProcess(MIGRATOR + ", AppCDS + C1 only", List.of(cds, c1), this.classPath),
				new AlembicProcess(ALEMBIC, alembic, false, true)));
		if (engine) {
			tools.add(new AlembicProcess(ALEMBIC + ", transaction per revision", alembic, true, true));
		}
		tools.add(new AlembicProcess(ALEMBIC + ", no bytecode cache", alembic, false, false));
		return tools;
	}

	/**
	 * The sample application's jar as the migration job: packaged, extracted, and
	 * extracted with a class data sharing archive that one {@code heads} run of the job
	 * wrote. None when the jar was not built ({@code sample.jar} names it; by default the
	 * sample module's).
	 */
	private List<WholeProcessTool> sampleJobs(HistoryFiles files, Path folder) throws Exception {
		Path jar = Path.of(System.getProperty("sample.jar", "../sample-app/target/sample-app.jar"));
		if (!Files.isRegularFile(jar)) {
			String note = "No sample jar at " + jar + ": the sample job's lines are left out (build sample-app first)";
			this.notes.add(note);
			System.out.println(note);
			return List.of();
		}
		Path extracted = folder.resolve("sample-extracted");
		ProcessRun extract = ProcessRun.of(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-Djarmode=tools", "-jar", jar.toString(), "extract", "--destination", extracted.toString()),
				(environment) -> {
				}, ENGINE_LIMIT);
		extract.requireSuccess();
		Path extractedJar = extracted.resolve(jar.getFileName());
		Path archive = folder.resolve("sample-job.jsa");
		SampleJobProcess trainer = SampleJobProcess.ofJar(SAMPLE_JOB, List.of("-XX:ArchiveClassesAtExit=" + archive),
				extractedJar, folder);
		run(trainer, trainer.heads(files), WARMUP_LIMIT).requireSuccess();
		// What Spring Boot's process-aot goal would add to the jar, built here from the
		// extracted layout with the job's profile, and an archive trained on it.
		String mainClass;
		try (JarFile packaged = new JarFile(jar.toFile())) {
			mainClass = packaged.getManifest().getMainAttributes().getValue("Start-Class");
		}
		Path aotJar = new AotBuild(folder.resolve("sample-aot")).build(extractedJar.toString(), mainClass,
				List.of("--spring.profiles.active=migrate"));
		String aotClassPath = aotJar + File.pathSeparator + extractedJar;
		Path aotArchive = folder.resolve("sample-job-aot.jsa");
		SampleJobProcess aotTrainer = SampleJobProcess.ofClassPath(SAMPLE_JOB,
				List.of(AOT_ENABLED, "-XX:ArchiveClassesAtExit=" + aotArchive), aotClassPath, mainClass, folder);
		run(aotTrainer, aotTrainer.heads(files), WARMUP_LIMIT).requireSuccess();
		return List.of(SampleJobProcess.ofJar(SAMPLE_JOB, List.of(), jar, folder),
				SampleJobProcess.ofJar(SAMPLE_JOB + EXTRACTED, List.of(), extractedJar, folder),
				SampleJobProcess.ofJar(SAMPLE_JOB + EXTRACTED_CDS, List.of("-XX:SharedArchiveFile=" + archive),
						extractedJar, folder),
				SampleJobProcess.ofClassPath(SAMPLE_JOB + EXTRACTED_AOT_CDS,
						List.of(AOT_ENABLED, "-XX:SharedArchiveFile=" + aotArchive), aotClassPath, mainClass, folder));
	}

	/**
	 * Each round starts one further along the list, so that no tool always goes first or
	 * last.
	 */
	private static List<WholeProcessTool> turn(List<WholeProcessTool> tools, int round) {
		return IntStream.range(0, tools.size()).mapToObj((i) -> tools.get((round + i) % tools.size())).toList();
	}

	private ProcessRun run(WholeProcessTool tool, List<String> command, Duration limit) throws Exception {
		return ProcessRun.of(command, (environment) -> {
			environment.put("PGPASSWORD", this.password);
			tool.adjust(environment);
		}, limit);
	}

	private static void expectOutput(WholeProcessTool tool, ProcessRun run, String expected) {
		if (!run.stdout().contains(expected)) {
			throw new IllegalStateException(tool.name() + " printed '" + run.stdout().strip() + "', expected '"
					+ expected + "' in it: " + String.join(" ", run.command()));
		}
	}

	/**
	 * The database holds the head in the tool's version table (Alembic keeps only the
	 * head there) and every table, column and index of the history.
	 */
	private void verifySchema(WholeProcessTool tool, BenchDatabase database, String head, int size)
			throws SQLException {
		try (Connection connection = this.server.connect(database.jdbcUrl());
				Statement statement = connection.createStatement()) {
			Set<String> versions = new HashSet<>();
			try (ResultSet rows = statement.executeQuery("SELECT version_num FROM " + tool.versionTable())) {
				while (rows.next()) {
					versions.add(rows.getString(1));
				}
			}
			Map<String, Long> expected = new LinkedHashMap<>();
			expected.put("SELECT count(*) FROM pg_tables WHERE schemaname = 'public' AND tablename LIKE 't\\_%'",
					IntStream.rangeClosed(1, size).filter((i) -> i % 3 == 1).count());
			expected.put(
					"SELECT count(*) FROM information_schema.columns WHERE table_schema = 'public'"
							+ " AND column_name LIKE 'c\\_%'",
					IntStream.rangeClosed(1, size).filter((i) -> i % 3 == 2).count());
			expected.put("SELECT count(*) FROM pg_indexes WHERE schemaname = 'public' AND indexname LIKE 'ix\\_%'",
					IntStream.rangeClosed(1, size).filter((i) -> i % 3 == 0).count());
			List<String> problems = new ArrayList<>();
			if (!versions.equals(Set.of(head))) {
				problems.add(tool.versionTable() + " holds " + versions + ", not " + head);
			}
			for (Map.Entry<String, Long> check : expected.entrySet()) {
				try (ResultSet rows = statement.executeQuery(check.getKey())) {
					rows.next();
					if (rows.getLong(1) != check.getValue()) {
						problems.add(check.getKey() + " gave " + rows.getLong(1) + ", not " + check.getValue());
					}
				}
			}
			if (!problems.isEmpty()) {
				throw new IllegalStateException(tool.name() + " left the database wrong: " + problems);
			}
		}
	}

	private void printAndWrite() throws IOException {
		StringBuilder csv = new StringBuilder("part,size,runs,step,tool,median_ms,over_alembic\n");
		List<String> toolNames = new ArrayList<>();
		for (Timings.Step step : this.timings.steps()) {
			for (String tool : allTools()) {
				OptionalDouble median = this.timings.median(step, tool);
				if (median.isPresent()) {
					if (!toolNames.contains(tool)) {
						toolNames.add(tool);
					}
					OptionalDouble alembic = this.timings.median(step, ALEMBIC);
					// Quoted: step and tool names hold commas.
					csv.append(String.format(Locale.ROOT, "\"%s\",%d,%d,\"%s\",\"%s\",%.1f,%s%n", step.part(),
							step.size(), this.timings.runs(step, tool), step.name(), tool, median.getAsDouble(),
							alembic.isPresent()
									? String.format(Locale.ROOT, "%.3f", median.getAsDouble() / alembic.getAsDouble())
									: ""));
				}
			}
		}
		System.out.println();
		System.out.println("Engine overhead, whole processes (median of counted runs):");
		System.out.println("| step | migrator ms | Alembic ms | migrator/Alembic |");
		System.out.println("| --- | ---: | ---: | ---: |");
		for (Timings.Step step : stepsOf(ENGINE)) {
			System.out.printf(Locale.ROOT, "| %s | %s | %s | %s |%n", step.name(), ms(step, MIGRATOR),
					ms(step, ALEMBIC), ratio(step, MIGRATOR));
		}
		System.out.println();
		System.out.println("Graph scale, whole processes: heads over the files (median of counted runs):");
		System.out.println("| revisions | runs | migrator ms | Alembic ms | migrator/Alembic |");
		System.out.println("| ---: | ---: | ---: | ---: | ---: |");
		for (Timings.Step step : stepsOf(GRAPH)) {
			System.out.printf(Locale.ROOT, "| %,d | %d | %s | %s | %s |%n", step.size(),
					this.timings.runs(step, MIGRATOR), ms(step, MIGRATOR), ms(step, ALEMBIC), ratio(step, MIGRATOR));
		}
		System.out.println();
		System.out.println("Every variant, ms (ratio to Alembic with its defaults):");
		System.out.println("| part | size | step | " + String.join(" | ", toolNames) + " |");
		System.out.println("| --- | ---: | --- |" + " ---: |".repeat(toolNames.size()));
		for (Timings.Step step : this.timings.steps()) {
			StringBuilder row = new StringBuilder(
					String.format(Locale.ROOT, "| %s | %,d | %s |", step.part(), step.size(), step.name()));
			for (String tool : toolNames) {
				String ratio = ratio(step, tool);
				row.append(' ').append(ms(step, tool)).append(ratio.equals("–") ? "" : " (" + ratio + ")").append(" |");
			}
			System.out.println(row);
		}
		System.out.println();
		this.notes.forEach(System.out::println);
		Path result = Path.of("target", "alembic.csv");
		Files.createDirectories(result.getParent());
		Files.writeString(result, csv);
		System.out.println("Written to " + result);
	}

	private List<String> allTools() {
		List<String> names = new ArrayList<>();
		tools(null, true).forEach((tool) -> names.add(tool.name()));
		names.addAll(List.of(SAMPLE_JOB, SAMPLE_JOB + EXTRACTED, SAMPLE_JOB + EXTRACTED_CDS,
				SAMPLE_JOB + EXTRACTED_AOT_CDS));
		return names;
	}

	private List<Timings.Step> stepsOf(String part) {
		return this.timings.steps().stream().filter((step) -> step.part().equals(part)).toList();
	}

	private String ms(Timings.Step step, String tool) {
		OptionalDouble median = this.timings.median(step, tool);
		return median.isPresent() ? String.format(Locale.ROOT, "%,.1f", median.getAsDouble()) : "–";
	}

	private String ratio(Timings.Step step, String tool) {
		OptionalDouble median = this.timings.median(step, tool);
		OptionalDouble alembic = this.timings.median(step, ALEMBIC);
		return (median.isPresent() && alembic.isPresent())
				? String.format(Locale.ROOT, "%.2f", median.getAsDouble() / alembic.getAsDouble()) : "–";
	}

	private static void delete(Path folder) throws IOException {
		if (Files.exists(folder)) {
			try (var paths = Files.walk(folder)) {
				paths.sorted(Comparator.reverseOrder()).forEach((path) -> path.toFile().delete());
			}
		}
	}

}

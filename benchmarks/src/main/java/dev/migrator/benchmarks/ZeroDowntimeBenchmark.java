package dev.migrator.benchmarks;

import dev.migrator.core.Migrator;
import dev.migrator.core.config.MigratorConfig;
import dev.migrator.core.runtime.LockRetry;
import dev.migrator.core.runtime.LockTimeoutRetry;
import dev.migrator.core.runtime.MigrationListener;
import dev.migrator.core.script.Revision;
import dev.migrator.testsupport.TestDataSources;
import dev.migrator.testsupport.TestPostgres;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;

/**
 * Applies the same schema story to a busy table, each time on a fresh copy of it in its
 * own database: (a) as the plain SQL of a Flyway migration, (b) as migrator's safe
 * revisions with its default settings, (c) the same with a lock timeout of 200 ms and
 * backfill batches aimed at 100 ms, as a latency-sensitive service would set them. A
 * steady stream of reads, updates and inserts runs all along, each request timed from
 * when it was due, and a reporting transaction holds a read lock for a second every three
 * seconds; each change starts while one is open. Prints, per change and in all, how long
 * the migration took, how many requests failed and how long they waited. Arguments:
 * {@code rows[,requestThreads]}.
 *
 * <p>
 * With {@code blocker[,rows[,requestThreads]]} (300,000 rows unless given) it runs the
 * blocker scenario instead ({@link BlockerStory}): three changes that each need ACCESS
 * EXCLUSIVE for an instant, as plain SQL, as migrator with its former defaults and with
 * its current ones, and prints how long the writes waited.
 */
public final class ZeroDowntimeBenchmark {

	private static final Duration REQUEST_INTERVAL = Duration.ofMillis(2);

	private static final Duration REPORT_LENGTH = Duration.ofSeconds(1);

	private static final Duration REPORT_EVERY = Duration.ofSeconds(3);

	private static final Duration WARM_UP = Duration.ofSeconds(3);

	// Each change starts this long after a reporting transaction took its lock, for every
	// approach alike.
	private static final Duration REPORT_OPEN_FOR = Duration.ofMillis(100);

	private ZeroDowntimeBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		String[] parts = (args.length == 0) ? new String[0] : args[0].split(",");
		if (parts.length > 0 && parts[0].trim().equals("blocker")) {
			long rows = (parts.length > 1) ? Long.parseLong(parts[1].trim()) : 300_000;
			int threads = (parts.length > 2) ? Integer.parseInt(parts[2].trim()) : 4;
			blocker(rows, threads);
			System.exit(0);
		}
		long rows = (parts.length > 0) ? Long.parseLong(parts[0].trim()) : 1_000_000;
		int threads = (parts.length > 1) ? Integer.parseInt(parts[1].trim()) : 4;
		TestPostgres server = TestPostgres.shared();
		System.out.printf(Locale.ROOT,
				"Schema story on %,d rows while %d threads send a request every %d ms each (45%% reads, 35%% updates, "
						+ "20%% inserts) and a report holds a read transaction for %d ms every %d ms%n",
				rows, threads, REQUEST_INTERVAL.toMillis(), REPORT_LENGTH.toMillis(), REPORT_EVERY.toMillis());
		Path work = Files.createTempDirectory("zero-downtime-bench");
		Story story = new Story(SchemaStory.steps(), SchemaStory::verify);
		List<Approach> approaches = List.of(new NaiveFlyway(work.resolve("flyway"), story.steps()),
				new SafeMigrator("migrator, defaults (lock timeout 50 ms, backfill batches of 50 ms)",
						() -> SchemaStory.revisions(Optional.empty()), Optional.empty(), Optional.empty()),
				new SafeMigrator("migrator, lock timeout 200 ms, backfill batches of 100 ms",
						() -> SchemaStory.revisions(Optional.of(Duration.ofMillis(100))),
						Optional.of(Duration.ofMillis(200)), Optional.empty()));
		List<Run> runs = new ArrayList<>();
		for (Approach approach : approaches) {
			runs.add(run(server, rows, threads, approach, story));
		}
		print(runs);
		writeCsv(runs, "zero-downtime.csv");
		System.exit(0);
	}

	/**
	 * The blocker scenario: three changes that each need ACCESS EXCLUSIVE for an instant,
	 * each started while a report holds its read transaction, applied as plain SQL, by
	 * migrator with the defaults it had before it waited outside the lock queue (lock
	 * timeout 2 s, 5 attempts from 500 ms), and by migrator with today's defaults.
	 */
	private static void blocker(long rows, int threads) throws Exception {
		TestPostgres server = TestPostgres.shared();
		System.out.printf(Locale.ROOT,
				"Blocker scenario on %,d rows while %d threads send a request every %d ms each (45%% reads, 35%% "
						+ "updates, 20%% inserts) and a report holds a read transaction for %d ms every %d ms%n",
				rows, threads, REQUEST_INTERVAL.toMillis(), REPORT_LENGTH.toMillis(), REPORT_EVERY.toMillis());
		Path work = Files.createTempDirectory("zero-downtime-blocker");
		Story story = new Story(BlockerStory.steps(), BlockerStory::verify);
		List<Approach> approaches = List.of(new NaiveFlyway(work.resolve("flyway"), story.steps()),
				new SafeMigrator("migrator, old defaults (lock timeout 2 s, 5 attempts from 500 ms)",
						BlockerStory::revisions, Optional.of(Duration.ofSeconds(2)),
						Optional.of(new LockTimeoutRetry(5, Duration.ofMillis(500), Duration.ofSeconds(10)))),
				new SafeMigrator("migrator, defaults (lock timeout 50 ms, waits outside the lock queue)",
						BlockerStory::revisions, Optional.empty(), Optional.empty()));
		List<Run> runs = new ArrayList<>();
		for (Approach approach : approaches) {
			runs.add(run(server, rows, threads, approach, story));
		}
		printWrites(runs);
		writeCsv(runs, "zero-downtime-blocker.csv");
	}

	private static Run run(TestPostgres server, long rows, int threads, Approach approach, Story story)
			throws Exception {
		DataSource dataSource = TestDataSources.freshPostgres(server);
		SchemaStory.seed(dataSource, rows);
		long sumBefore = SchemaStory.sumOfAmounts(dataSource);
		approach.prepare(dataSource);
		List<StepRun> steps = new ArrayList<>();
		List<RequestTimings.Window> windows = new ArrayList<>();
		TrafficWorkload workload = TrafficWorkload.start(dataSource, rows, threads, REQUEST_INTERVAL, REPORT_LENGTH,
				REPORT_EVERY);
		try {
			Thread.sleep(WARM_UP.toMillis());
			for (SchemaStory.Step step : story.steps()) {
				workload.awaitOpenReport(REPORT_OPEN_FOR);
				long start = System.nanoTime();
				approach.apply(step);
				long end = System.nanoTime();
				RequestTimings.Window window = new RequestTimings.Window(start, end);
				windows.add(window);
				steps.add(new StepRun(step.name(), (end - start) / 1e6, workload.summarize(List.of(window)),
						workload.summarizeWrites(List.of(window))));
				System.out.printf(Locale.ROOT, "  %s: %s took %,.0f ms, longest request %,.0f ms%n", approach.name(),
						step.name(), (end - start) / 1e6, steps.get(steps.size() - 1).requests().max());
			}
			Thread.sleep(1000);
		}
		finally {
			workload.close();
		}
		long expectedSum = sumBefore + workload.updates() + workload.inserts() * TrafficWorkload.INSERTED_AMOUNT;
		story.verify().check(dataSource, approach.name(), expectedSum);
		// The waits for an open report between the changes belong to no approach: only
		// the changes are summed.
		double millis = steps.stream().mapToDouble(StepRun::millis).sum();
		Run run = new Run(approach.name(), millis, steps, workload.summarize(windows),
				workload.summarizeWrites(windows), workload.errors(), approach.lockRetries());
		System.out.printf(Locale.ROOT, "%s: %,.1f s, %,d requests, %,d failed, longest request %,.0f ms %s%n",
				run.name(), run.millis() / 1000, run.requests().requests(), run.requests().errors(),
				run.requests().max(), run.errors());
		return run;
	}

	private static void print(List<Run> runs) {
		Run naive = runs.get(0);
		System.out.println();
		StringBuilder header = new StringBuilder("| change |");
		StringBuilder rule = new StringBuilder("| --- |");
		for (Run run : runs) {
			header.append(" ").append(run.name()).append(": ms | longest request ms | failed |");
			rule.append(" ---: | ---: | ---: |");
		}
		System.out.println(header);
		System.out.println(rule);
		for (int i = 0; i < naive.steps().size(); i++) {
			StringBuilder row = new StringBuilder("| ").append(naive.steps().get(i).name()).append(" |");
			for (Run run : runs) {
				StepRun step = run.steps().get(i);
				row.append(String.format(Locale.ROOT, " %,.0f | %,.0f | %,d |", step.millis(), step.requests().max(),
						step.requests().errors()));
			}
			System.out.println(row);
		}
		System.out.println();
		System.out
			.println("| approach | migration s | requests | failed | p50 ms | p99 ms | p99.9 ms | longest request ms "
					+ "| longest / naive | p99.9 / naive |");
		System.out.println("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
		for (Run run : runs) {
			RequestTimings.Summary r = run.requests();
			System.out.printf(Locale.ROOT, "| %s | %.1f | %,d | %,d | %.2f | %.2f | %.1f | %,.0f | %.2f | %.2f |%n",
					run.name(), run.millis() / 1000, r.requests(), r.errors(), r.p50(), r.p99(), r.p999(), r.max(),
					r.max() / naive.requests().max(), r.p999() / naive.requests().p999());
		}
		for (Run run : runs) {
			if (!run.errors().isEmpty()) {
				System.out.println("Errors of " + run.name() + ": " + run.errors());
			}
		}
	}

	/** The writes only, and the ratios to the plain SQL's. */
	private static void printWrites(List<Run> runs) {
		Run naive = runs.get(0);
		System.out.println();
		StringBuilder header = new StringBuilder("| change |");
		StringBuilder rule = new StringBuilder("| --- |");
		for (Run run : runs) {
			header.append(" ").append(run.name()).append(": ms | longest write ms |");
			rule.append(" ---: | ---: |");
		}
		System.out.println(header);
		System.out.println(rule);
		for (int i = 0; i < naive.steps().size(); i++) {
			StringBuilder row = new StringBuilder("| ").append(naive.steps().get(i).name()).append(" |");
			for (Run run : runs) {
				StepRun step = run.steps().get(i);
				row.append(String.format(Locale.ROOT, " %,.0f | %,.0f |", step.millis(), step.writes().max()));
			}
			System.out.println(row);
		}
		System.out.println();
		System.out
			.println("| approach | migration s | lock retries | writes | failed writes | p50 ms | p99 ms | p99.9 ms "
					+ "| longest write ms | longest / plain | p99 / plain | p99.9 / plain |");
		System.out.println("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
		for (Run run : runs) {
			RequestTimings.Summary w = run.writes();
			RequestTimings.Summary plain = naive.writes();
			System.out.printf(Locale.ROOT,
					"| %s | %.1f | %s | %,d | %,d | %.2f | %.2f | %.1f | %,.0f | %.3f | %.3f | %.3f |%n", run.name(),
					run.millis() / 1000, run.lockRetries().map(String::valueOf).orElse("–"), w.requests(), w.errors(),
					w.p50(), w.p99(), w.p999(), w.max(), w.max() / plain.max(), w.p99() / plain.p99(),
					w.p999() / plain.p999());
		}
		for (Run run : runs) {
			if (!run.errors().isEmpty()) {
				System.out.println("Errors of " + run.name() + ": " + run.errors());
			}
		}
	}

	private static void writeCsv(List<Run> runs, String file) throws IOException {
		StringBuilder csv = new StringBuilder("approach,change,millis,requests,failed,p50_ms,p99_ms,p999_ms,max_ms\n");
		for (Run run : runs) {
			for (StepRun step : run.steps()) {
				csv.append(line(run.name(), step.name(), step.millis(), step.requests()));
			}
			csv.append(line(run.name(), "all", run.millis(), run.requests()));
		}
		Path target = Path.of("target", file);
		Files.createDirectories(target.getParent());
		Files.writeString(target, csv);
		System.out.println("Results written to " + target.toAbsolutePath());
	}

	private static String line(String approach, String change, double millis, RequestTimings.Summary r) {
		return String.format(Locale.ROOT, "\"%s\",\"%s\",%.1f,%d,%d,%.3f,%.3f,%.3f,%.3f%n", approach, change, millis,
				r.requests(), r.errors(), r.p50(), r.p99(), r.p999(), r.max());
	}

	/** One way of applying the story's changes, one change at a time. */
	private interface Approach {

		String name();

		void prepare(DataSource dataSource) throws Exception;

		void apply(SchemaStory.Step step) throws Exception;

		/** How many lock timeout retries it made, where it counts them. */
		default Optional<Integer> lockRetries() {
			return Optional.empty();
		}

	}

	/** The changes a run applies, and how its end state is checked. */
	private record Story(List<SchemaStory.Step> steps, Verifier verify) {
	}

	@FunctionalInterface
	private interface Verifier {

		void check(DataSource dataSource, String approach, long expectedSum) throws Exception;

	}

	/**
	 * The plain SQL, one Flyway versioned migration per change, run with Flyway's
	 * defaults.
	 */
	private static final class NaiveFlyway implements Approach {

		private final Path folder;

		private final List<SchemaStory.Step> steps;

		private final Map<String, String> versionOfStep = new HashMap<>();

		private DataSource dataSource;

		NaiveFlyway(Path folder, List<SchemaStory.Step> steps) {
			this.folder = folder;
			this.steps = steps;
		}

		@Override
		public String name() {
			return "plain SQL through Flyway";
		}

		@Override
		public void prepare(DataSource dataSource) throws IOException {
			this.dataSource = dataSource;
			Files.createDirectories(this.folder);
			int version = 0;
			for (SchemaStory.Step step : this.steps) {
				version++;
				Files.writeString(this.folder.resolve("V" + version + "__change_" + version + ".sql"),
						step.naiveSql() + "\n");
				this.versionOfStep.put(step.name(), String.valueOf(version));
			}
		}

		@Override
		public void apply(SchemaStory.Step step) {
			Flyway.configure()
				.dataSource(this.dataSource)
				.locations("filesystem:" + this.folder)
				.target(this.versionOfStep.get(step.name()))
				.baselineOnMigrate(true)
				.baselineVersion("0")
				.load()
				.migrate();
		}

	}

	/**
	 * migrator's revisions of the story: safe operations, and expand / backfill /
	 * contract for the type change.
	 */
	private static final class SafeMigrator implements Approach {

		private final String name;

		private final Supplier<List<Revision>> revisions;

		private final Optional<Duration> lockTimeout;

		private final Optional<LockTimeoutRetry> lockRetry;

		private final AtomicInteger retries = new AtomicInteger();

		private Migrator migrator;

		SafeMigrator(String name, Supplier<List<Revision>> revisions, Optional<Duration> lockTimeout,
				Optional<LockTimeoutRetry> lockRetry) {
			this.name = name;
			this.revisions = revisions;
			this.lockTimeout = lockTimeout;
			this.lockRetry = lockRetry;
		}

		@Override
		public String name() {
			return this.name;
		}

		@Override
		public void prepare(DataSource dataSource) {
			List<Revision> revisions = this.revisions.get();
			MigratorConfig.Builder builder = MigratorConfig.builder()
				.dataSource(dataSource)
				.locations(List.of())
				.source(() -> revisions)
				.runBackfillsOnUpgrade(true)
				.listener(new MigrationListener() {

					@Override
					public void lockTimeoutRetried(LockRetry retry) {
						SafeMigrator.this.retries.incrementAndGet();
					}

				});
			this.lockTimeout.ifPresent(builder::lockTimeout);
			this.lockRetry.ifPresent(builder::lockRetry);
			this.migrator = Migrator.create(builder.build());
		}

		@Override
		public Optional<Integer> lockRetries() {
			return Optional.of(this.retries.get());
		}

		@Override
		public void apply(SchemaStory.Step step) {
			this.migrator.upgrade(step.lastRevision());
		}

	}

	/** One change as one approach made it, and the requests that overlapped it. */
	private record StepRun(String name, double millis, RequestTimings.Summary requests, RequestTimings.Summary writes) {
	}

	/** One approach's whole run. */
	private record Run(String name, double millis, List<StepRun> steps, RequestTimings.Summary requests,
			RequestTimings.Summary writes, Map<String, Long> errors, Optional<Integer> lockRetries) {
	}

}

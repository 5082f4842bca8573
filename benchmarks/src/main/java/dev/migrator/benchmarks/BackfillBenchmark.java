package dev.migrator.benchmarks;

import dev.migrator.core.Migrator;
import dev.migrator.core.config.MigratorConfig;
import dev.migrator.core.script.Backfill;
import dev.migrator.core.backfill.BackfillListener;
import dev.migrator.core.backfill.BatchReport;
import dev.migrator.core.script.BatchSizeBounds;
import dev.migrator.core.script.Phase;
import dev.migrator.core.script.Revision;
import dev.migrator.testsupport.TestDataSources;
import dev.migrator.testsupport.TestPostgres;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.sql.DataSource;

/**
 * Fills a column of a large table three ways, each on a fresh copy of the same table in
 * its own database, while a steady stream of single-row writes runs against it: the
 * {@code WHERE id IN (SELECT id ... WHERE col IS NULL
 * LIMIT n)} loop, the keyset backfill, and one single {@code UPDATE}. Prints rows per
 * second, the longest batch (how long its row locks were held) and the latency of the
 * concurrent writes. Arguments: {@code rows[,batch]}.
 */
public final class BackfillBenchmark {

	// A write every 5 ms: a steady 200 writes per second, like a busy but not saturated
	// application.
	private static final Duration WRITE_INTERVAL = Duration.ofMillis(5);

	// The writer stops by itself at the latest after this long, whatever happens to the
	// approach under test.
	private static final Duration WRITER_LIMIT = Duration.ofMinutes(20);

	private BackfillBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		String[] parts = (args.length == 0) ? new String[0] : args[0].split(",");
		int rows = (parts.length > 0) ? Integer.parseInt(parts[0].trim()) : 1_000_000;
		int batch = (parts.length > 1) ? Integer.parseInt(parts[1].trim()) : 5_000;
		TestPostgres server = TestPostgres.shared();
		System.out.printf(Locale.ROOT, "Filling status on %,d rows, batches of %,d, with a write every %d ms%n", rows,
				batch, WRITE_INTERVAL.toMillis());
		List<Result> results = new ArrayList<>();
		results.add(
				measure(server, rows, "`IN (SELECT … LIMIT n)` loop", (dataSource) -> inSelectLoop(dataSource, batch)));
		results.add(measure(server, rows, "keyset backfill, fixed " + String.format(Locale.ROOT, "%,d", batch),
				(dataSource) -> keyset(dataSource, BatchSizeBounds.fixed(batch), Duration.ofMillis(500))));
		results.add(measure(server, rows, "keyset backfill, adaptive 1,000–20,000, target 200 ms",
				(dataSource) -> keyset(dataSource, new BatchSizeBounds(1_000, 20_000, 1_000), Duration.ofMillis(200))));
		results.add(measure(server, rows, "single `UPDATE` (the ceiling)", BackfillBenchmark::singleUpdate));
		System.out.println();
		System.out.println("| approach | rows/s | total s | batches | longest batch ms | writes | write p50 ms "
				+ "| write p99 ms | write max ms |");
		System.out.println("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
		for (Result result : results) {
			System.out.println(result.row());
		}
		System.exit(0);
	}

	private static Result measure(TestPostgres server, int rows, String name, Approach approach) throws Exception {
		DataSource dataSource = TestDataSources.freshPostgres(server);
		createTable(dataSource, rows);
		Writer writer = new Writer(dataSource, rows);
		Thread thread = new Thread(writer, "concurrent-writer");
		thread.start();
		Fill fill = approach.fill(dataSource);
		writer.stop();
		thread.join();
		long filled = count(dataSource, "SELECT count(*) FROM bench WHERE status = 'active'");
		if (filled != rows) {
			throw new IllegalStateException(name + " filled " + filled + " of " + rows + " rows");
		}
		Result result = new Result(name, rows, fill.total(), fill.batches(), writer.latencies());
		System.out.println(result.row());
		return result;
	}

	private static void createTable(DataSource dataSource, int rows) throws SQLException {
		try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
			statement.execute("CREATE TABLE bench (id bigint PRIMARY KEY, payload text NOT NULL, status text)");
			statement.execute(
					"INSERT INTO bench (id, payload) SELECT g, 'row ' || g FROM generate_series(1, " + rows + ") g");
			statement.execute("VACUUM ANALYZE bench");
			statement.execute("CHECKPOINT");
		}
	}

	private static Fill inSelectLoop(DataSource dataSource, int batch) throws SQLException {
		List<Duration> batches = new ArrayList<>();
		long started = System.nanoTime();
		try (Connection connection = dataSource.getConnection();
				PreparedStatement update = connection.prepareStatement(
						"UPDATE bench SET status = 'active' WHERE id IN (SELECT id FROM bench WHERE status IS NULL LIMIT ?)")) {
			update.setInt(1, batch);
			while (true) {
				long start = System.nanoTime();
				int changed = update.executeUpdate();
				batches.add(Duration.ofNanos(System.nanoTime() - start));
				if (changed == 0) {
					return new Fill(Duration.ofNanos(System.nanoTime() - started), batches);
				}
			}
		}
	}

	private static Fill keyset(DataSource dataSource, BatchSizeBounds bounds, Duration target) {
		List<Duration> batches = Collections.synchronizedList(new ArrayList<>());
		Backfill backfill = Backfill.builder("bench_status")
			.table("bench")
			.key("id")
			.set("status = 'active'")
			.where("status IS NULL")
			.batchSize(bounds)
			.targetDuration(target)
			.pause(Duration.ZERO)
			.build();
		Revision revision = Revision.builder("0001_bench_status").phase(Phase.MIGRATE).backfill(backfill).build();
		Migrator migrator = Migrator.create(MigratorConfig.builder()
			.dataSource(dataSource)
			.locations(List.of())
			.source(() -> List.of(revision))
			.backfillListener(new BackfillListener() {
				@Override
				public void batchDone(BatchReport report) {
					batches.add(report.duration());
				}
			})
			.build());
		migrator.upgrade("heads");
		long started = System.nanoTime();
		migrator.backfills().run("bench_status");
		return new Fill(Duration.ofNanos(System.nanoTime() - started), batches);
	}

	private static Fill singleUpdate(DataSource dataSource) throws SQLException {
		try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
			long start = System.nanoTime();
			statement.executeUpdate("UPDATE bench SET status = 'active' WHERE status IS NULL");
			Duration took = Duration.ofNanos(System.nanoTime() - start);
			return new Fill(took, List.of(took));
		}
	}

	private static long count(DataSource dataSource, String sql) throws SQLException {
		try (Connection connection = dataSource.getConnection();
				Statement statement = connection.createStatement();
				var rs = statement.executeQuery(sql)) {
			rs.next();
			return rs.getLong(1);
		}
	}

	/** One way of filling the column. */
	@FunctionalInterface
	private interface Approach {

		Fill fill(DataSource dataSource) throws Exception;

	}

	/** How long filling took, setup aside, and each batch's duration. */
	private record Fill(Duration total, List<Duration> batches) {
	}

	/**
	 * Single-row updates of random rows at a steady pace, each timed, on a connection of
	 * its own.
	 */
	private static final class Writer implements Runnable {

		private final DataSource dataSource;

		private final int rows;

		private final AtomicBoolean running = new AtomicBoolean(true);

		private final List<Long> latencies = Collections.synchronizedList(new ArrayList<>());

		Writer(DataSource dataSource, int rows) {
			this.dataSource = dataSource;
			this.rows = rows;
		}

		@Override
		public void run() {
			long deadline = System.nanoTime() + WRITER_LIMIT.toNanos();
			long next = System.nanoTime();
			try (Connection connection = this.dataSource.getConnection();
					PreparedStatement write = connection
						.prepareStatement("UPDATE bench SET payload = ? WHERE id = ?")) {
				while (this.running.get() && System.nanoTime() < deadline) {
					write.setString(1, "written " + next);
					write.setLong(2, ThreadLocalRandom.current().nextLong(1, this.rows + 1));
					long start = System.nanoTime();
					write.executeUpdate();
					this.latencies.add(System.nanoTime() - start);
					next += WRITE_INTERVAL.toNanos();
					long wait = next - System.nanoTime();
					if (wait > 0) {
						Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
					}
					else {
						// A write that waited on a lock does not make the writer burst to
						// catch up.
						next = System.nanoTime();
					}
				}
			}
			catch (SQLException | InterruptedException ex) {
				throw new IllegalStateException("The concurrent writer failed", ex);
			}
		}

		void stop() {
			this.running.set(false);
		}

		List<Long> latencies() {
			return List.copyOf(this.latencies);
		}

	}

	/** One approach's figures. */
	private record Result(String name, int rows, Duration total, List<Duration> batches, List<Long> writeNanos) {

		String row() {
			long[] sorted = this.writeNanos.stream().mapToLong(Long::longValue).sorted().toArray();
			double seconds = this.total.toNanos() / 1e9;
			long longest = this.batches.stream().mapToLong(Duration::toMillis).max().orElse(0);
			return String.format(Locale.ROOT, "| %s | %,.0f | %.1f | %,d | %,d | %,d | %.2f | %.2f | %,.0f |",
					this.name, this.rows / seconds, seconds, this.batches.size(), longest, sorted.length,
					RequestTimings.millisAt(sorted, 0.50), RequestTimings.millisAt(sorted, 0.99),
					RequestTimings.millisAt(sorted, 1.0));
		}

	}

}

package dev.migrator.benchmarks;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

import javax.sql.DataSource;

/**
 * The application side of the zero-downtime benchmark: request threads that read, update
 * and insert single rows of {@code accounts} at a steady pace, each request timed from
 * when it was due, and a reporting thread that keeps a read transaction open now and
 * then, as a dashboard query or a long export does. Every request runs in autocommit on
 * its thread's own connection; a failed request is counted by its SQLState and the thread
 * goes on.
 */
final class TrafficWorkload implements AutoCloseable {

	/**
	 * What every inserted row adds to {@code amount}, so that the final sum can be
	 * checked.
	 */
	static final int INSERTED_AMOUNT = 7;

	private final DataSource dataSource;

	private final long rows;

	private final Duration interval;

	private final Duration reportLength;

	private final Duration reportEvery;

	private final AtomicBoolean running = new AtomicBoolean(true);

	private final AtomicLong nextId;

	// When the open reporting transaction took its lock (nanoTime), or 0 between reports.
	private volatile long reportHoldingSince;

	private final LongAdder updates = new LongAdder();

	private final LongAdder inserts = new LongAdder();

	private final Map<String, LongAdder> errors = new ConcurrentHashMap<>();

	private final List<RequestTimings> timings = new ArrayList<>();

	private final List<Thread> threads = new ArrayList<>();

	private TrafficWorkload(DataSource dataSource, long rows, Duration interval, Duration reportLength,
			Duration reportEvery) {
		this.dataSource = dataSource;
		this.rows = rows;
		this.interval = interval;
		this.reportLength = reportLength;
		this.reportEvery = reportEvery;
		this.nextId = new AtomicLong(rows + 1);
	}

	/**
	 * Starts {@code requestThreads} threads, each sending one request per
	 * {@code interval}, and one reporting thread that holds a read transaction for
	 * {@code reportLength} every {@code reportEvery}.
	 */
	static TrafficWorkload start(DataSource dataSource, long rows, int requestThreads, Duration interval,
			Duration reportLength, Duration reportEvery) {
		TrafficWorkload workload = new TrafficWorkload(dataSource, rows, interval, reportLength, reportEvery);
		for (int i = 0; i < requestThreads; i++) {
			RequestTimings timings = new RequestTimings();
			workload.timings.add(timings);
			workload.threads.add(new Thread(() -> workload.sendRequests(timings), "requests-" + i));
		}
		workload.threads.add(new Thread(workload::runReports, "reports"));
		workload.threads.forEach(Thread::start);
		return workload;
	}

	private void sendRequests(RequestTimings timings) {
		try (Connection connection = this.dataSource.getConnection();
				PreparedStatement read = connection
					.prepareStatement("SELECT id, owner_id, email, payload FROM accounts WHERE id = ?");
				PreparedStatement update = connection
					.prepareStatement("UPDATE accounts SET amount = amount + 1, payload = ? WHERE id = ?");
				PreparedStatement insert = connection.prepareStatement(
						"INSERT INTO accounts (id, owner_id, email, amount, payload) VALUES (?, ?, ?, ?, ?)")) {
			long next = System.nanoTime();
			while (this.running.get()) {
				ThreadLocalRandom random = ThreadLocalRandom.current();
				int kind = random.nextInt(100);
				// Timed from when the request was due, not from when a thread held up by
				// a lock got to send it:
				// users keep arriving during a stall, and each of them waits (no
				// coordinated omission).
				long start = next;
				try {
					if (kind < 45) {
						read.setLong(1, random.nextLong(1, this.rows + 1));
						try (ResultSet rs = read.executeQuery()) {
							rs.next();
						}
					}
					else if (kind < 80) {
						update.setString(1, "updated " + start);
						update.setLong(2, random.nextLong(1, this.rows + 1));
						if (update.executeUpdate() != 1) {
							throw new SQLException("the update found no row", "BENCH");
						}
						this.updates.increment();
					}
					else {
						long id = this.nextId.getAndIncrement();
						insert.setLong(1, id);
						insert.setLong(2, 1 + id % SchemaStory.OWNERS);
						insert.setString(3, "user" + id + "@example.com");
						insert.setInt(4, INSERTED_AMOUNT);
						insert.setString(5, "inserted " + start);
						insert.executeUpdate();
						this.inserts.increment();
					}
					timings.record(start, System.nanoTime() - start, false, kind >= 45);
				}
				catch (SQLException ex) {
					timings.record(start, System.nanoTime() - start, true, kind >= 45);
					this.errors.computeIfAbsent(ex.getSQLState() + " " + firstLine(ex), (k) -> new LongAdder())
						.increment();
				}
				next += this.interval.toNanos();
				// Behind schedule after a stall, the thread sends the requests that
				// arrived meanwhile at once.
				sleepNanos(next - System.nanoTime());
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("A request thread lost its connection", ex);
		}
	}

	private void runReports() {
		try (Connection connection = this.dataSource.getConnection();
				PreparedStatement report = connection
					.prepareStatement("SELECT count(*) FROM accounts WHERE amount > ?");
				PreparedStatement hold = connection.prepareStatement("SELECT pg_sleep(?)")) {
			connection.setAutoCommit(false);
			while (this.running.get()) {
				sleepNanos(this.reportEvery.minus(this.reportLength).toNanos());
				try {
					report.setInt(1, ThreadLocalRandom.current().nextInt(1000));
					try (ResultSet rs = report.executeQuery()) {
						rs.next();
					}
					this.reportHoldingSince = System.nanoTime();
					hold.setDouble(1, this.reportLength.toMillis() / 1000.0);
					try (ResultSet rs = hold.executeQuery()) {
						rs.next();
					}
					this.reportHoldingSince = 0;
					connection.commit();
				}
				catch (SQLException ex) {
					this.reportHoldingSince = 0;
					connection.rollback();
					this.errors
						.computeIfAbsent("report " + ex.getSQLState() + " " + firstLine(ex), (k) -> new LongAdder())
						.increment();
				}
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("The reporting thread lost its connection", ex);
		}
	}

	/**
	 * Waits until a reporting transaction has held its lock for {@code held} and will
	 * hold it for a while yet, so that a schema change started now meets an open
	 * transaction, the situation in which a lock queue forms.
	 */
	void awaitOpenReport(Duration held) throws InterruptedException {
		long deadline = System.nanoTime() + this.reportEvery.multipliedBy(3).toNanos();
		while (System.nanoTime() < deadline) {
			long since = this.reportHoldingSince;
			long age = System.nanoTime() - since;
			if (since != 0 && age >= held.toNanos() && age < this.reportLength.toNanos() / 2) {
				return;
			}
			Thread.sleep(5);
		}
		throw new IllegalStateException("No reporting transaction started within " + this.reportEvery.multipliedBy(3));
	}

	private static String firstLine(SQLException ex) {
		String message = String.valueOf(ex.getMessage());
		int end = message.indexOf('\n');
		return (end < 0) ? message : message.substring(0, end);
	}

	private static void sleepNanos(long nanos) {
		if (nanos <= 0) {
			return;
		}
		try {
			Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	long updates() {
		return this.updates.sum();
	}

	long inserts() {
		return this.inserts.sum();
	}

	/** Errors by SQLState and first line of the message. */
	Map<String, Long> errors() {
		Map<String, Long> counts = new TreeMap<>();
		this.errors.forEach((key, count) -> counts.put(key, count.sum()));
		return counts;
	}

	/** The requests that were waiting or running at some moment of one of the windows. */
	RequestTimings.Summary summarize(List<RequestTimings.Window> windows) {
		return RequestTimings.summarize(this.timings, windows);
	}

	/** The writes (updates and inserts) among them. */
	RequestTimings.Summary summarizeWrites(List<RequestTimings.Window> windows) {
		return RequestTimings.summarize(this.timings, windows, true);
	}

	@Override
	public void close() throws InterruptedException {
		this.running.set(false);
		for (Thread thread : this.threads) {
			thread.join(Duration.ofMinutes(2).toMillis());
		}
	}

}

package dev.migrator.core;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

/**
 * Application writes against a table while a migration runs: threads that each write in a
 * loop on their own autocommit connection, timing every write. They stop when told, or by
 * themselves after a bound, so that a test that fails half-way leaves no thread behind.
 */
public final class WriteTraffic implements AutoCloseable {

	/** The longest a writer thread runs if nobody stops it. */
	private static final Duration BOUND = Duration.ofSeconds(60);

	private final AtomicBoolean stop = new AtomicBoolean();

	private final AtomicLong writes = new AtomicLong();

	private final AtomicLong longestNanos = new AtomicLong();

	private final List<Throwable> errors = Collections.synchronizedList(new ArrayList<>());

	private final List<Thread> threads = new ArrayList<>();

	private WriteTraffic() {
	}

	/** Starts the writers; each calls {@code write} in a loop with its own connection. */
	public static WriteTraffic start(DataSource dataSource, int writers, Write write) {
		WriteTraffic traffic = new WriteTraffic();
		for (int i = 0; i < writers; i++) {
			Thread thread = new Thread(() -> traffic.loop(dataSource, write), "writer-" + i);
			thread.setDaemon(true);
			traffic.threads.add(thread);
			thread.start();
		}
		return traffic;
	}

	private void loop(DataSource dataSource, Write write) {
		long deadline = System.nanoTime() + BOUND.toNanos();
		try (Connection connection = dataSource.getConnection()) {
			connection.setAutoCommit(true);
			while (!this.stop.get() && System.nanoTime() < deadline) {
				long started = System.nanoTime();
				write.run(connection, ThreadLocalRandom.current());
				this.longestNanos.accumulateAndGet(System.nanoTime() - started, Math::max);
				this.writes.incrementAndGet();
			}
		}
		catch (SQLException | RuntimeException ex) {
			this.errors.add(ex);
		}
	}

	/** How many writes completed so far. */
	public long writes() {
		return this.writes.get();
	}

	/**
	 * Waits until the writers have done at least this many more writes, so that a test
	 * sees traffic flowing.
	 */
	public void awaitWrites(long more) throws InterruptedException {
		long target = this.writes.get() + more;
		long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
		while (this.writes.get() < target && System.nanoTime() < deadline && this.errors.isEmpty()) {
			Thread.sleep(5);
		}
	}

	/** Stops the writers and tells what they saw. */
	public Result stop() throws InterruptedException {
		this.stop.set(true);
		for (Thread thread : this.threads) {
			thread.join(Duration.ofSeconds(30).toMillis());
		}
		return new Result(this.writes.get(), Duration.ofNanos(this.longestNanos.get()), List.copyOf(this.errors));
	}

	@Override
	public void close() throws InterruptedException {
		stop();
	}

	/** One write of an application. */
	@FunctionalInterface
	public interface Write {

		void run(Connection connection, ThreadLocalRandom random) throws SQLException;

	}

	/**
	 * What the writers saw.
	 *
	 * @param writes writes completed
	 * @param longestWrite the longest any single write took
	 * @param errors what failed a writer
	 */
	public record Result(long writes, Duration longestWrite, List<Throwable> errors) {

		@Override
		public String toString() {
			return this.writes + " writes, the longest " + this.longestWrite.toMillis() + " ms, " + this.errors.size()
					+ " errors" + (this.errors.isEmpty() ? "" : ": " + this.errors);
		}

	}

}

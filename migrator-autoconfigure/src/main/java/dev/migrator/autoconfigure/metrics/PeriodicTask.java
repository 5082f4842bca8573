package dev.migrator.autoconfigure.metrics;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * Runs a task on a daemon thread of its own, at once and then at a fixed delay, until the
 * task says it is done or the task is closed. Meters whose set of series follows the
 * database use it: Micrometer reads a gauge only when it exists, so nothing else would
 * notice the first backfill or replica.
 */
final class PeriodicTask implements AutoCloseable {

	private static final Log logger = LogFactory.getLog(PeriodicTask.class);

	private final ScheduledExecutorService executor;

	private PeriodicTask(String threadName) {
		this.executor = Executors.newSingleThreadScheduledExecutor((runnable) -> {
			Thread thread = new Thread(runnable, threadName);
			thread.setDaemon(true);
			return thread;
		});
	}

	/**
	 * Starts the task.
	 * @param threadName the thread's name
	 * @param delay the wait between the end of one run and the start of the next
	 * @param task runs once per period; returns {@code true} when it needs to run no more
	 * @return the running task, to close
	 */
	static PeriodicTask start(String threadName, Duration delay, BooleanSupplier task) {
		PeriodicTask periodic = new PeriodicTask(threadName);
		periodic.executor.scheduleWithFixedDelay(() -> {
			try {
				if (task.getAsBoolean()) {
					periodic.executor.shutdown();
				}
			}
			catch (RuntimeException ex) {
				// A failed run must not end the schedule: the next may succeed.
				logger.debug("Migration metrics: " + threadName + " failed", ex);
			}
		}, 0, delay.toMillis(), TimeUnit.MILLISECONDS);
		return periodic;
	}

	@Override
	public void close() {
		this.executor.shutdownNow();
	}

}

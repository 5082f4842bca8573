package dev.migrator.core.fleet;

import dev.migrator.core.error.ErrorCode;
import dev.migrator.core.error.MigratorException;
import dev.migrator.core.sql.DatabaseMessageRedaction;

import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.ExecutionException;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a writing command on a fleet from this process: {@code parallelism} workers claim
 * targets from the run table and run the work on each, while a heartbeat renews their
 * leases. Other processes running the same command share the run through the table. A
 * worker stops when the error budget is spent or nothing is left it could claim; the
 * targets it already runs finish first.
 */
public final class FleetRun {

	private static final Logger logger = LoggerFactory.getLogger(FleetRun.class);

	private final DataSource main;

	private final RunTable table;

	private final FleetSettings settings;

	private final String owner;

	public FleetRun(DataSource main, RunTable table, FleetSettings settings) {
		this.main = main;
		this.table = table;
		this.settings = settings;
		this.owner = owner();
	}

	/** Who claims targets: the host, the process and a random part for this run. */
	private static String owner() {
		String host = Optional.ofNullable(System.getenv("HOSTNAME")).filter((h) -> !h.isBlank()).orElse("localhost");
		return host + "/" + ManagementFactory.getRuntimeMXBean().getName().split("@")[0] + "/"
				+ UUID.randomUUID().toString().substring(0, 8);
	}

	public FleetResult run(String runKey, List<FleetTarget> targets, TargetWork work) {
		try (Connection connection = this.main.getConnection()) {
			this.table.register(connection, runKey, targets, this.settings.waves().assign(targets.size()),
					this.settings.lease());
		}
		catch (SQLException ex) {
			throw failure("could not register the run in the run table " + this.table.name(), ex);
		}
		FleetListeners listeners = new FleetListeners(this.settings.listeners());
		listeners.notify((l) -> l.runStarted(runKey, targets.size()));
		FleetProgress progress = new FleetProgress(targets.size(), listeners);
		Map<String, FleetTarget> byName = new HashMap<>();
		targets.forEach((t) -> byName.put(t.name(), t));
		ScheduledExecutorService heartbeat = Executors.newSingleThreadScheduledExecutor((r) -> thread(r, "heartbeat"));
		ExecutorService workers = Executors.newFixedThreadPool(this.settings.parallelism(), (r) -> thread(r, "worker"));
		long renewEvery = Math.max(1, this.settings.lease().toMillis() / 3);
		heartbeat.scheduleWithFixedDelay(() -> renew(runKey), renewEvery, renewEvery, TimeUnit.MILLISECONDS);
		try {
			List<Future<?>> running = new ArrayList<>();
			for (int i = 0; i < this.settings.parallelism(); i++) {
				running.add(workers.submit(() -> work(runKey, work, progress, byName)));
			}
			for (Future<?> worker : running) {
				await(worker);
			}
		}
		finally {
			workers.shutdownNow();
			heartbeat.shutdownNow();
		}
		try (Connection connection = this.main.getConnection()) {
			FleetResult result = new FleetResult(runKey, this.table.read(connection, runKey),
					this.settings.maxFailures());
			progress.finished(result);
			listeners.notify((l) -> l.runFinished(result));
			return result;
		}
		catch (SQLException ex) {
			throw failure("could not read the run table " + this.table.name(), ex);
		}
	}

	private void work(String runKey, TargetWork work, FleetProgress progress, Map<String, FleetTarget> byName) {
		while (!Thread.currentThread().isInterrupted()) {
			Optional<FleetTarget> claimed;
			try (Connection connection = this.main.getConnection()) {
				claimed = this.table.claim(connection, runKey, this.owner, this.settings.lease(),
						this.settings.maxFailures());
				if (claimed.isEmpty()) {
					if (this.table.over(connection, runKey, this.settings.maxFailures())) {
						return;
					}
				}
			}
			catch (SQLException ex) {
				throw failure("could not claim a target in the run table " + this.table.name(), ex);
			}
			if (claimed.isEmpty()) {
				// Another process runs the rest of this wave: wait for it to end.
				sleep(pollInterval());
				continue;
			}
			// The table holds no credentials: this process's own target carries them. One
			// that another process registered alone (its list was read later) runs as
			// recorded, with the main DataSource's credentials.
			FleetTarget target = byName.getOrDefault(claimed.get().name(), claimed.get());
			long started = System.nanoTime();
			TargetOutcome outcome = runOne(work, target);
			try (Connection connection = this.main.getConnection()) {
				if (!this.table.finish(connection, runKey, target, this.owner, outcome)) {
					logger.warn("Fleet: {} finished here, but its lease had expired and another process took it "
							+ "over; that process's outcome counts.", target);
				}
			}
			catch (SQLException ex) {
				throw failure("could not record the outcome of " + target + " in the run table " + this.table.name(),
						ex);
			}
			progress.targetDone(target, outcome, Duration.ofNanos(System.nanoTime() - started));
		}
	}

	private static TargetOutcome runOne(TargetWork work, FleetTarget target) {
		try {
			return work.run(target);
		}
		catch (RuntimeException ex) {
			String message = (ex.getMessage() != null) ? ex.getMessage() : ex.getClass().getSimpleName();
			logger.debug("Fleet: {} failed", target, ex);
			return TargetOutcome.failure(DatabaseMessageRedaction.redact(message));
		}
	}

	private Duration pollInterval() {
		return Duration.ofMillis(Math.max(50, Math.min(1000, this.settings.lease().toMillis() / 4)));
	}

	private void renew(String runKey) {
		try (Connection connection = this.main.getConnection()) {
			this.table.renew(connection, runKey, this.owner, this.settings.lease());
		}
		catch (SQLException | RuntimeException ex) {
			// The next beat tries again; a lease that runs out lets another process take
			// the target over, and the target's run lock keeps the two apart.
			logger.warn("Fleet: could not renew the leases of this process's targets: {}",
					DatabaseMessageRedaction.redact(String.valueOf(ex.getMessage())));
		}
	}

	private static void await(Future<?> worker) {
		try {
			worker.get();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new MigratorException(ErrorCode.INTERRUPTED, "The fleet run was interrupted.", ex);
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof RuntimeException runtime) {
				throw runtime;
			}
			throw new IllegalStateException(ex.getCause());
		}
	}

	private static void sleep(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static Thread thread(Runnable runnable, String role) {
		Thread thread = new Thread(runnable, "migrator-fleet-" + role);
		thread.setDaemon(true);
		return thread;
	}

	private MigratorException failure(String what, SQLException ex) {
		return new MigratorException(ErrorCode.DATABASE_ERROR,
				"The fleet run " + what + ": " + DatabaseMessageRedaction.redact(ex.getMessage())
						+ ". Check that the user may create and write it in the main database.",
				ex);
	}

}

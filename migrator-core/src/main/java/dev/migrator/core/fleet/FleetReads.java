package dev.migrator.core.fleet;

import dev.migrator.core.error.ErrorCode;
import dev.migrator.core.error.MigratorException;
import dev.migrator.core.sql.DatabaseMessageRedaction;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * Runs a reading command on every target, {@code parallelism} at once, with neither waves
 * nor a run table: a read changes nothing, so it needs no rollout control. One target's
 * failure is its reading; the others are read all the same.
 */
public final class FleetReads {

	private FleetReads() {
	}

	public static <T> List<TargetReading<T>> read(List<FleetTarget> targets, int parallelism,
			Function<FleetTarget, T> read) {
		ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(parallelism, targets.size())), (r) -> {
			Thread thread = new Thread(r, "migrator-fleet-reader");
			thread.setDaemon(true);
			return thread;
		});
		try {
			List<Future<TargetReading<T>>> futures = new ArrayList<>();
			for (FleetTarget target : targets) {
				futures.add(pool.submit(() -> one(target, read)));
			}
			List<TargetReading<T>> readings = new ArrayList<>();
			for (Future<TargetReading<T>> future : futures) {
				readings.add(future.get());
			}
			return readings;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new MigratorException(ErrorCode.INTERRUPTED, "Reading the fleet was interrupted.", ex);
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException(ex.getCause());
		}
		finally {
			pool.shutdownNow();
		}
	}

	private static <T> TargetReading<T> one(FleetTarget target, Function<FleetTarget, T> read) {
		try {
			return new TargetReading<>(target, Optional.of(read.apply(target)), Optional.empty());
		}
		catch (RuntimeException ex) {
			String message = (ex.getMessage() != null) ? ex.getMessage() : ex.getClass().getSimpleName();
			return new TargetReading<>(target, Optional.empty(), Optional.of(DatabaseMessageRedaction.redact(message)));
		}
	}

}

package dev.migrator.core.fleet;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The progress line of this process's part of a fleet run, logged at most every few
 * seconds: targets done of the fleet, failures, the rate and an estimate of the time left
 * at that rate.
 */
final class FleetProgress {

	private static final Logger logger = LoggerFactory.getLogger(FleetProgress.class);

	private static final long INTERVAL_NANOS = Duration.ofSeconds(5).toNanos();

	private final int total;

	private final long started = System.nanoTime();

	private final AtomicInteger done = new AtomicInteger();

	private final AtomicInteger failed = new AtomicInteger();

	private volatile long lastLine = this.started;

	private final FleetListeners listeners;

	FleetProgress(int total, FleetListeners listeners) {
		this.total = total;
		this.listeners = listeners;
	}

	void targetDone(FleetTarget target, TargetOutcome outcome, Duration took) {
		this.listeners.notify((l) -> l.targetFinished(target, outcome, took));
		int finished = this.done.incrementAndGet();
		if (!outcome.succeeded()) {
			this.failed.incrementAndGet();
			logger.warn("Fleet: {} failed after {} ms: {}", target, took.toMillis(), outcome.detail());
		}
		else {
			logger.debug("Fleet: {} {} in {} ms", target, outcome.detail(), took.toMillis());
		}
		long now = System.nanoTime();
		if (now - this.lastLine >= INTERVAL_NANOS) {
			this.lastLine = now;
			logger.info(line(finished, now));
		}
	}

	void finished(FleetResult result) {
		var counts = result.countsByState();
		logger.info(
				"Fleet: run done here after {}s: {} succeeded, {} failed, {} not started, {} running elsewhere "
						+ "(of {} targets)",
				seconds(System.nanoTime() - this.started), counts.get(TargetState.SUCCEEDED),
				counts.get(TargetState.FAILED), counts.get(TargetState.PENDING), counts.get(TargetState.RUNNING),
				result.targets().size());
	}

	String line(int finished, long now) {
		double elapsed = (now - this.started) / 1e9;
		double rate = (elapsed > 0) ? finished / elapsed : 0;
		int left = Math.max(0, this.total - finished);
		String eta = (rate > 0) ? Math.round(left / rate) + "s" : "unknown";
		return String.format(java.util.Locale.ROOT,
				"Fleet: %d/%d targets done by this process (%d failed), %.1f targets/s, ETA %s", finished, this.total,
				this.failed.get(), rate, eta);
	}

	private static long seconds(long nanos) {
		return Duration.ofNanos(nanos).toSeconds();
	}

}

package dev.migrator.core.backfill;

import dev.migrator.core.replica.ThrottleState;

import java.time.Duration;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs a running backfill's progress at a fixed interval: rows, percent, rate, ETA, batch
 * size and throttle state. Rates count every worker's rows, from the totals each batch
 * reads back, over the time the backfill worked: waits for replicas are left out.
 */
final class ProgressLine {

	private static final Logger logger = LoggerFactory.getLogger(ProgressLine.class);

	private final String name;

	private final long interval;

	private final long startNanos;

	private long lastLogged;

	private long scannedAtStart = -1;

	private long waitedNanos;

	private long waitingSince = -1;

	ProgressLine(String name, Duration interval) {
		this(name, interval, System.nanoTime());
	}

	ProgressLine(String name, Duration interval, long startNanos) {
		this.name = name;
		this.interval = interval.toNanos();
		this.startNanos = startNanos;
		this.lastLogged = startNanos;
	}

	/** Logs when the interval has passed since the last line. */
	void batch(BatchReport report) {
		if (this.scannedAtStart < 0) {
			this.scannedAtStart = report.rowsScanned() - report.scanned();
		}
		long now = System.nanoTime();
		if (now - this.lastLogged >= this.interval) {
			this.lastLogged = now;
			logger.info(line(report, now));
		}
	}

	/** Logs the throttle's change at once. */
	void throttle(ThrottleState state) {
		throttle(state, System.nanoTime());
	}

	void throttle(ThrottleState state, long now) {
		// Time spent waiting for replicas is no measure of how fast the backfill
		// walks: it is kept out of the rate and the ETA.
		if (state.isThrottled() && this.waitingSince < 0) {
			this.waitingSince = now;
		}
		else if (!state.isThrottled() && this.waitingSince >= 0) {
			this.waitedNanos += now - this.waitingSince;
			this.waitingSince = -1;
		}
		if (state.isThrottled()) {
			logger.info("Backfill {}: waiting for replicas: {}", this.name, state.reason());
		}
		else {
			logger.info("Backfill {}: replicas caught up, going on", this.name);
		}
	}

	String line(BatchReport report, long now) {
		long waited = this.waitedNanos + ((this.waitingSince >= 0) ? now - this.waitingSince : 0);
		double seconds = Math.max(0.001, (now - this.startNanos - waited) / 1e9);
		double walkRate = (report.rowsScanned() - Math.max(0, this.scannedAtStart)) / seconds;
		StringBuilder line = new StringBuilder("Backfill ").append(this.name)
			.append(": ")
			.append(String.format(Locale.ROOT, "%,d", report.rowsDone()))
			.append(" rows changed, ")
			.append(String.format(Locale.ROOT, "%,d", report.rowsScanned()))
			.append(" walked");
		if (report.estimatedTotal().isPresent() && report.estimatedTotal().getAsLong() > 0) {
			long total = report.estimatedTotal().getAsLong();
			line.append(String.format(Locale.ROOT, " of ~%,d (%.1f%%)", total,
					Math.min(99.9, 100.0 * report.rowsScanned() / total)));
			if (walkRate > 0) {
				long remaining = Math.max(0, total - report.rowsScanned());
				line.append(", ETA ").append(format(Duration.ofMillis((long) (remaining / walkRate * 1000))));
			}
		}
		line.append(String.format(Locale.ROOT, ", %,.0f rows/s", walkRate))
			.append(String.format(Locale.ROOT, ", batch %,d", report.nextBatchSize()))
			.append(", ")
			.append(report.throttle());
		return line.toString();
	}

	static String format(Duration duration) {
		long seconds = duration.toSeconds();
		if (seconds < 10) {
			return String.format(Locale.ROOT, "%.1fs", duration.toMillis() / 1000.0);
		}
		if (seconds < 60) {
			return seconds + "s";
		}
		if (seconds < 3600) {
			return (seconds / 60) + "min " + (seconds % 60) + "s";
		}
		return (seconds / 3600) + "h " + (seconds % 3600 / 60) + "min";
	}

}

package dev.migrator.autoconfigure.metrics;

import java.time.Duration;
import java.util.Optional;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * A reading from the database, taken at most once per interval however often meters are
 * scraped. A failed read is remembered for the interval too, so an unreachable database
 * is not hammered either.
 *
 * @param <T> what is read
 */
class CachedReading<T> {

	private static final Log logger = LogFactory.getLog(CachedReading.class);

	private final String what;

	private final Supplier<T> reader;

	private final long intervalNanos;

	private final LongSupplier nanoClock;

	private T value;

	private long readAt;

	private boolean fresh;

	private boolean failing;

	/**
	 * @param what what is read, for the log, such as {@code the migration state}
	 * @param reader reads it
	 * @param interval how long a reading serves
	 * @param nanoClock the time, as {@link System#nanoTime()} gives it
	 */
	CachedReading(String what, Supplier<T> reader, Duration interval, LongSupplier nanoClock) {
		this.what = what;
		this.reader = reader;
		this.intervalNanos = interval.toNanos();
		this.nanoClock = nanoClock;
	}

	/** The reading, or empty when the last read failed. */
	synchronized Optional<T> get() {
		long now = this.nanoClock.getAsLong();
		if (!this.fresh || now - this.readAt >= this.intervalNanos) {
			this.readAt = now;
			this.fresh = true;
			read();
		}
		return Optional.ofNullable(this.value);
	}

	/** Forgets the reading: the next {@link #get()} reads again. */
	synchronized void invalidate() {
		this.fresh = false;
	}

	private void read() {
		try {
			this.value = this.reader.get();
			if (this.failing) {
				logger.info("Migration metrics: " + this.what + " can be read again");
			}
			this.failing = false;
		}
		catch (RuntimeException ex) {
			this.value = null;
			if (!this.failing) {
				// Once per outage, not once per scrape.
				logger.warn("Migration metrics: could not read " + this.what + ": " + ex.getMessage());
			}
			this.failing = true;
		}
	}

}

package dev.migrator.autoconfigure.metrics;

import dev.migrator.core.MigrationStatus;

import java.time.Duration;
import java.util.Optional;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * The migration status, read from the database at most once per interval however often meters are scraped. A failed
 * read is remembered for the interval too, so an unreachable database is not hammered either.
 */
final class CachedMigrationStatus {

	private static final Log logger = LogFactory.getLog(CachedMigrationStatus.class);

	private final Supplier<MigrationStatus> reader;

	private final long intervalNanos;

	private final LongSupplier nanoClock;

	private MigrationStatus status;

	private long readAt;

	private boolean fresh;

	private boolean failing;

	CachedMigrationStatus(Supplier<MigrationStatus> reader, Duration interval, LongSupplier nanoClock) {
		this.reader = reader;
		this.intervalNanos = interval.toNanos();
		this.nanoClock = nanoClock;
	}

	/** The status, or empty when the last read failed. */
	synchronized Optional<MigrationStatus> get() {
		long now = this.nanoClock.getAsLong();
		if (!this.fresh || now - this.readAt >= this.intervalNanos) {
			this.readAt = now;
			this.fresh = true;
			read();
		}
		return Optional.ofNullable(this.status);
	}

	/** Forgets the status: the next {@link #get()} reads it again. */
	synchronized void invalidate() {
		this.fresh = false;
	}

	private void read() {
		try {
			this.status = this.reader.get();
			if (this.failing) {
				logger.info("Migration metrics: the migration state can be read again");
			}
			this.failing = false;
		}
		catch (RuntimeException ex) {
			this.status = null;
			if (!this.failing) {
				// Once per outage, not once per scrape.
				logger.warn("Migration metrics: could not read the migration state: " + ex.getMessage());
			}
			this.failing = true;
		}
	}

}

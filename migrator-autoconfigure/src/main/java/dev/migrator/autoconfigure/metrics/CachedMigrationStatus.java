package dev.migrator.autoconfigure.metrics;

import dev.migrator.core.command.MigrationStatus;

import java.time.Duration;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * The migration status, read from the database at most once per interval however often
 * meters are scraped. A failed read is remembered for the interval too, so an unreachable
 * database is not hammered either.
 */
final class CachedMigrationStatus extends CachedReading<MigrationStatus> {

	CachedMigrationStatus(Supplier<MigrationStatus> reader, Duration interval, LongSupplier nanoClock) {
		super("the migration state", reader, interval, nanoClock);
	}

}

package dev.migrator.core.backfill;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How backfills run, for every backfill of a migrator.
 *
 * @param runOnUpgrade whether {@code upgrade} runs each backfill right after the revision
 * that declares it, instead of leaving it to a separate {@code backfill} job
 * @param table the progress table; the chunk table is named after it
 * @param listeners told of batches and state changes
 * @param progressInterval how often a running backfill logs a progress line
 */
public record BackfillSettings(boolean runOnUpgrade, String table, List<BackfillListener> listeners,
		Duration progressInterval) {

	public static final String DEFAULT_TABLE = "migrator_backfill";

	public static final Duration DEFAULT_PROGRESS_INTERVAL = Duration.ofSeconds(10);

	private static final String CHUNK_SUFFIX = "_chunk";

	public BackfillSettings {
		Objects.requireNonNull(table, "table");
		listeners = List.copyOf(listeners);
		Objects.requireNonNull(progressInterval, "progressInterval");
	}

	public static BackfillSettings defaults() {
		return new BackfillSettings(true, DEFAULT_TABLE, List.of(), DEFAULT_PROGRESS_INTERVAL);
	}

	/**
	 * The table where workers on PostgreSQL claim key ranges: the progress table's name
	 * plus {@code _chunk}.
	 */
	public String chunkTable() {
		return this.table + CHUNK_SUFFIX;
	}

}

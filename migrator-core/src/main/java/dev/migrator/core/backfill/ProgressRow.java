package dev.migrator.core.backfill;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * One row of the progress table as stored.
 *
 * @param name the backfill
 * @param revision the revision that declared it
 * @param table its table
 * @param state its state
 * @param lastKey the last committed batch's last key, encoded as stored
 * @param rowsDone rows changed
 * @param rowsScanned rows walked
 * @param estimatedTotal the table's estimated row count
 * @param batchSize the latest batch size
 * @param throttle why it waits for replicas, while it does
 * @param startedAt when it first ran
 * @param updatedAt when the row last changed
 * @param lastError the latest error
 */
public record ProgressRow(String name, String revision, String table, BackfillState state, Optional<String> lastKey,
		long rowsDone, long rowsScanned, OptionalLong estimatedTotal, OptionalInt batchSize, Optional<String> throttle,
		Optional<Instant> startedAt, Optional<Instant> updatedAt, Optional<String> lastError) {

	public ProgressRow {
		Objects.requireNonNull(name, "name");
		Objects.requireNonNull(revision, "revision");
		Objects.requireNonNull(table, "table");
		Objects.requireNonNull(state, "state");
	}

	/** The status this row reports. */
	public BackfillStatus status(boolean revisionApplied) {
		return new BackfillStatus(this.name, this.revision, this.table, revisionApplied, this.state,
				this.lastKey.map((key) -> KeyText.display(KeyText.decode(key))), this.rowsDone, this.rowsScanned,
				this.estimatedTotal, this.batchSize, this.throttle, this.startedAt, this.updatedAt, this.lastError);
	}

}

package dev.migrator.core.backfill;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * Where a worker's next batch starts. The claim is made inside the batch's transaction
 * and holds until it ends, so that the position read cannot change before the batch
 * commits its progress: no row twice, none skipped.
 */
interface RangeCursor {

	/**
	 * The stretch to continue, locked against other workers; empty when none is free
	 * right now.
	 */
	Optional<Claim> claim(Connection connection) throws SQLException;

	/**
	 * Records in the batch's transaction that the claimed stretch is done up to
	 * {@code lastKey}.
	 */
	void advance(Connection connection, Claim claim, List<String> lastKey, boolean exhausted, long rows)
			throws SQLException;

	/**
	 * Records in the batch's transaction rows it left because other sessions held them,
	 * each as a stretch of its own to claim after the rest.
	 */
	void later(Connection connection, List<HeldRow> rows) throws SQLException;

	/**
	 * The claimed stretch held nothing but rows other sessions hold: other stretches go
	 * first until one of this worker's batches gets further in it.
	 */
	void heldOnly(Claim claim);

	/** Whether nothing is left to do; asked when a claim came back empty. */
	boolean finished(Connection connection) throws SQLException;

	/**
	 * A claimed stretch.
	 *
	 * @param chunk the chunk's number; 0 for the single range of a one-process backfill
	 * @param range what is left of it
	 */
	record Claim(int chunk, KeyRange range) {
	}

}

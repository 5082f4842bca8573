package dev.migrator.core.backfill;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * The whole table as one range whose position is the progress row's last key: for SQLite,
 * where one process runs a backfill and the database's write lock (taken first in each
 * batch) keeps the read position current.
 */
final class SingleRangeCursor implements RangeCursor {

	private final BackfillStore store;

	private final String name;

	private boolean finished;

	SingleRangeCursor(BackfillStore store, String name) {
		this.store = store;
		this.name = name;
	}

	@Override
	public Optional<Claim> claim(Connection connection) throws SQLException {
		if (this.finished) {
			return Optional.empty();
		}
		Optional<String> lastKey = this.store.read(connection, this.name).flatMap(ProgressRow::lastKey);
		return Optional.of(new Claim(0, new KeyRange(lastKey.map(KeyText::decode), Optional.empty())));
	}

	@Override
	public void advance(Connection connection, Claim claim, List<String> lastKey, boolean exhausted, long rows) {
		// The progress row's last key, written with the batch's counts, is this cursor's
		// position.
		this.finished = exhausted;
	}

	/** Batches of a single range wait for held rows under the lock timeout instead. */
	@Override
	public void later(Connection connection, List<HeldRow> rows) {
		throw new IllegalStateException("A single-range backfill does not skip held rows");
	}

	@Override
	public void heldOnly(Claim claim) {
		throw new IllegalStateException("A single-range backfill does not skip held rows");
	}

	@Override
	public boolean finished(Connection connection) {
		return this.finished;
	}

}

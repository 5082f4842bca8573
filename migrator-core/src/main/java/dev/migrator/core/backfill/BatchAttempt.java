package dev.migrator.core.backfill;

import dev.migrator.core.dialect.Dialect;
import dev.migrator.core.dialect.LockHolder;
import dev.migrator.core.dialect.TimeoutScope;
import dev.migrator.core.runtime.EffectiveTimeouts;
import dev.migrator.core.script.BackfillAction;
import dev.migrator.core.script.BackfillChunk;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One batch, in its own short transaction under the batch timeouts: it claims a key
 * range, finds the batch's upper key by an index step of the batch size, applies the
 * backfill to {@code key > last AND key <= upper} and commits that together with its
 * progress. On PostgreSQL it skips the rows other sessions hold ({@link SkipLockedBatch})
 * and leaves them, as stretches of their own, for after the rest.
 */
final class BatchAttempt {

	private final WorkerContext worker;

	private final Dialect dialect;

	private final EffectiveTimeouts timeouts;

	private final Keyset keyset;

	private final RangeCursor cursor;

	private final Optional<SkipLockedBatch> skipLocked;

	BatchAttempt(WorkerContext worker, Dialect dialect, EffectiveTimeouts timeouts, Keyset keyset, RangeCursor cursor) {
		this.skipLocked = worker.store().hasChunks() ? Optional.of(new SkipLockedBatch(keyset, worker.backfill()))
				: Optional.empty();
		this.worker = worker;
		this.dialect = dialect;
		this.timeouts = timeouts;
		this.keyset = keyset;
		this.cursor = cursor;
	}

	/** Runs a batch of up to {@code size} rows; rolled back when it throws. */
	Outcome run(int size) throws Exception {
		long start = System.nanoTime();
		return this.worker.connection().inTransaction((connection) -> {
			BackfillStore store = this.worker.store();
			String name = this.worker.name();
			if (!store.hasChunks()) {
				store.lockForWrite(connection, name);
			}
			try (TimeoutScope scope = this.dialect.applyTimeouts(connection, this.timeouts.lock(),
					this.timeouts.statement(), true)) {
				BackfillState state = store.state(connection, name);
				if (state != BackfillState.RUNNING) {
					connection.rollback();
					return new Outcome.Stopped(state);
				}
				Optional<RangeCursor.Claim> claim = this.cursor.claim(connection);
				if (claim.isEmpty()) {
					boolean finished = this.cursor.finished(connection);
					connection.rollback();
					return finished ? new Outcome.Finished() : new Outcome.Busy();
				}
				KeyRange range = claim.get().range();
				Optional<List<String>> upper = this.keyset.keyAt(connection, range, size - 1L);
				long scanned = size;
				boolean exhausted = false;
				if (upper.isEmpty()) {
					// Fewer rows than a batch are left in this range: take them all.
					exhausted = true;
					upper = this.keyset.lastKey(connection, range);
					scanned = upper.isPresent() ? this.keyset.count(connection, range) : 0;
				}
				if (upper.isEmpty()) {
					this.cursor.advance(connection, claim.get(), range.after().orElse(List.of()), true, 0);
					connection.commit();
					return new Outcome.Committed(0, 0, List.of(), Duration.ZERO, null, 0);
				}
				SkipLockedBatch.Applied applied = apply(connection, range.until(upper.get()));
				long rows = applied.rows();
				if (rows == 0 && exhausted && !applied.held().isEmpty()) {
					// Nothing left here but rows others hold: claiming it again at once
					// would
					// only find them again.
					connection.rollback();
					this.cursor.heldOnly(claim.get());
					return new Outcome.Held(applied.held());
				}
				this.cursor.advance(connection, claim.get(), upper.get(), exhausted, rows);
				BackfillStore.Totals totals = store.recordBatch(connection, name, KeyText.encode(upper.get()), rows,
						scanned, size);
				if (!applied.held().isEmpty()) {
					this.cursor.later(connection, applied.held());
				}
				connection.commit();
				return new Outcome.Committed(rows, scanned, upper.get(), Duration.ofNanos(System.nanoTime() - start),
						totals, applied.held().size());
			}
		});
	}

	/** The held rows of a range whose batch found nothing else in it. */
	Optional<LockHolder> holder(List<String> key) throws SQLException {
		if (this.skipLocked.isEmpty()) {
			return Optional.empty();
		}
		this.worker.connection().ensureValid();
		return this.skipLocked.get().holder(this.worker.connection().get(), key);
	}

	private SkipLockedBatch.Applied apply(Connection connection, KeyRange batch) throws Exception {
		if (this.skipLocked.isPresent()) {
			return this.skipLocked.get().apply(connection, batch);
		}
		return new SkipLockedBatch.Applied(waitingApply(connection, batch), List.of());
	}

	/** A batch that waits for held rows, under the lock timeout: SQLite's. */
	private long waitingApply(Connection connection, KeyRange batch) throws Exception {
		if (this.worker.backfill().action() instanceof BackfillAction.SetExpression set) {
			try (PreparedStatement statement = connection.prepareStatement("UPDATE " + this.keyset.table() + " SET "
					+ set.sql() + " WHERE " + this.keyset.predicateWithFilter(batch))) {
				this.keyset.bind(statement, 1, batch);
				return statement.executeUpdate();
			}
		}
		BackfillAction.JavaFunction function = (BackfillAction.JavaFunction) this.worker.backfill().action();
		List<List<Object>> keys = new ArrayList<>();
		try (PreparedStatement statement = connection
			.prepareStatement("SELECT " + this.keyset.columns() + " FROM " + this.keyset.table() + " WHERE "
					+ this.keyset.predicateWithFilter(batch) + " ORDER BY " + this.keyset.columns())) {
			this.keyset.bind(statement, 1, batch);
			try (ResultSet rs = statement.executeQuery()) {
				while (rs.next()) {
					keys.add(this.keyset.readValues(rs));
				}
			}
		}
		if (!keys.isEmpty()) {
			function.function()
				.apply(new BackfillChunk(connection, this.worker.backfill().table(),
						this.worker.backfill().keyColumns(), keys));
		}
		return keys.size();
	}

	/** What one batch attempt came to. */
	sealed interface Outcome {

		/**
		 * The batch committed; {@code scanned} 0 means a range turned out empty and was
		 * closed; {@code held} rows were left for later because other sessions held them.
		 */
		record Committed(long rows, long scanned, List<String> lastKey, Duration took, BackfillStore.Totals totals,
				int held) implements Outcome {
		}

		/**
		 * The claimed stretch had nothing left but rows other sessions hold; nothing
		 * committed.
		 */
		record Held(List<HeldRow> rows) implements Outcome {

			public Held {
				rows = List.copyOf(rows);
			}

		}

		/**
		 * A command paused or cancelled the backfill (or it is otherwise no longer
		 * running).
		 */
		record Stopped(BackfillState state) implements Outcome {
		}

		/** Every range left is held by another worker right now. */
		record Busy() implements Outcome {
		}

		/** No range is left. */
		record Finished() implements Outcome {
		}

	}

}

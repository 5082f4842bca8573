package dev.migrator.core.backfill;

import dev.migrator.core.error.ErrorCode;

import dev.migrator.core.dialect.Dialect;
import dev.migrator.core.dialect.Dialects;
import dev.migrator.core.error.MigratorException;
import dev.migrator.core.replica.ReplicaLagMonitor;
import dev.migrator.core.replica.ReplicaSettings;
import dev.migrator.core.runtime.Listeners;
import dev.migrator.core.runtime.RunSettings;
import dev.migrator.core.runtime.TimeoutPolicy;
import dev.migrator.core.script.Backfill;

import java.sql.SQLException;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one backfill on one worker: keyset batches ({@link BatchAttempt}), each in its own
 * short transaction that commits together with its progress, sized toward the target
 * duration, waiting for replicas between batches while they lag ({@link LagWait}), a
 * failed batch split, retried or fatal as {@link FailurePolicy} decides. Several runners
 * may run the same backfill at once on PostgreSQL; they share it out through the chunk
 * table. This class starts the run and hands it to the {@link BatchLoop}.
 */
public final class BackfillRunner {

	private static final Logger logger = LoggerFactory.getLogger(BackfillRunner.class);

	private final DataSource dataSource;

	private final BackfillTables tables;

	private final RunSettings timeouts;

	private final BackfillSettings settings;

	private final ReplicaSettings replicas;

	private final Listeners<BackfillListener> listeners;

	private final ReplicaLagMonitor monitor;

	/**
	 * @param dataSource the primary
	 * @param tables where progress is kept
	 * @param timeouts the lock and statement timeouts each batch runs with (the lock
	 * timeout defaults to the database's, as a revision's does); a batch that hits the
	 * statement timeout is split
	 * @param settings listeners and the progress interval
	 * @param replicas the replicas to watch and the default lag limits
	 */
	public BackfillRunner(DataSource dataSource, BackfillTables tables, RunSettings timeouts, BackfillSettings settings,
			ReplicaSettings replicas) {
		this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
		this.tables = Objects.requireNonNull(tables, "tables");
		this.timeouts = Objects.requireNonNull(timeouts, "timeouts");
		this.settings = Objects.requireNonNull(settings, "settings");
		this.replicas = Objects.requireNonNull(replicas, "replicas");
		this.listeners = new Listeners<>("Backfill listener", settings.listeners());
		this.monitor = new ReplicaLagMonitor(Optional.of(dataSource), replicas.replicas());
	}

	/**
	 * Runs the backfill until it is done, paused or cancelled (by a command, seen between
	 * batches), or this thread is interrupted (it stays {@code running}, and the next run
	 * continues it); returns the state it ended in. A backfill that is paused, failed,
	 * cancelled or done is left alone.
	 * @throws BackfillFailedException when it stops as failed
	 */
	public BackfillState run(Backfill backfill, String revision) {
		long startNanos = System.nanoTime();
		try (WorkerConnection connection = WorkerConnection.open(this.dataSource, backfill.name())) {
			Dialect dialect = Dialects.forConnection(connection.get());
			BackfillStore store = new BackfillStore(dialect, this.tables);
			WorkerContext worker = new WorkerContext(backfill, revision, connection, store, this.listeners);
			if (!start(worker)) {
				BackfillState state = store.state(connection.get(), backfill.name());
				logger.info("Backfill {} is {}: nothing to run{}", backfill.name(), state.label(),
						(state == BackfillState.DONE) ? "" : " (resume it first to run it again)");
				return state;
			}
			return loop(worker, dialect, startNanos).run();
		}
		catch (Interruptible.Interrupted ex) {
			logger.info("Backfill {}: interrupted; it stays running and the next run continues it", backfill.name());
			return BackfillState.RUNNING;
		}
		catch (SQLException ex) {
			throw new MigratorException(ErrorCode.DATABASE_ERROR,
					"Backfill " + backfill.name() + ": the database refused " + "an operation of the migrator itself: "
							+ ex.getMessage() + ". Its progress up to the last "
							+ "committed batch is kept; check the connection and that the user may write "
							+ this.tables.progressTable() + ", then run it again.",
					ex);
		}
	}

	/** Registers the backfill and makes it running; false when it is not runnable. */
	private boolean start(WorkerContext worker) throws SQLException {
		BackfillStore store = worker.store();
		String name = worker.name();
		store.createTables(worker.connection().get());
		store.register(worker.connection().get(), name, worker.revision(), worker.backfill().table());
		Optional<BackfillState> from = store.transition(worker.connection().get(), name,
				Set.of(BackfillState.PENDING, BackfillState.RUNNING), BackfillState.RUNNING);
		if (from.isEmpty()) {
			return false;
		}
		if (from.get() == BackfillState.PENDING) {
			this.listeners
				.tell((listener) -> listener.stateChanged(name, BackfillState.PENDING, BackfillState.RUNNING));
		}
		return true;
	}

	/** Resolves the keyset and the ranges to walk, and sets up the batch loop. */
	private BatchLoop loop(WorkerContext worker, Dialect dialect, long startNanos) throws SQLException {
		Backfill backfill = worker.backfill();
		BatchSizer sizer = new BatchSizer(backfill.batchSize(), backfill.targetDuration());
		FailurePolicy failures = new FailurePolicy(worker, sizer);
		Keyset keyset;
		RangeCursor cursor;
		OptionalLong estimate;
		try {
			keyset = Keyset.resolve(worker.connection().get(), dialect, backfill);
			estimate = estimate(worker, dialect, keyset);
			if (worker.store().hasChunks()) {
				ChunkTable chunks = new ChunkTable(dialect, this.tables, worker.name());
				chunks.split(worker.connection().get(), keyset, chunkRows(backfill, estimate));
				cursor = chunks;
			}
			else {
				cursor = new SingleRangeCursor(worker.store(), worker.name());
			}
		}
		catch (MigratorException | SQLException ex) {
			throw failures.fail(ex.getMessage(), ex);
		}
		logger.info("Backfill {} (revision {}): {} on {} in key order of ({}){}, batch size {}, target {} ms{}",
				worker.name(), worker.revision(), backfill.action(), backfill.table(),
				String.join(", ", backfill.keyColumns()), backfill.where().map((w) -> " where " + w).orElse(""),
				backfill.batchSize(), backfill.targetDuration().toMillis(),
				estimate.isPresent() ? String.format(Locale.ROOT, ", ~%,d rows", estimate.getAsLong()) : "");
		ProgressLine progress = new ProgressLine(worker.name(), this.settings.progressInterval(), startNanos);
		LagWait lagWait = new LagWait(worker, backfill.maxLag().or(this.replicas.limits()), this.monitor,
				this.replicas.pollInterval(), progress);
		BatchAttempt attempt = new BatchAttempt(worker, dialect,
				new TimeoutPolicy(this.timeouts, dialect).forBackfillBatch(), keyset, cursor);
		return new BatchLoop(worker, attempt, sizer, failures, lagWait, progress, startNanos);
	}

	/**
	 * The stored row estimate, else one read from the database's statistics and stored.
	 */
	private static OptionalLong estimate(WorkerContext worker, Dialect dialect, Keyset keyset) throws SQLException {
		ProgressRow row = worker.store().read(worker.connection().get(), worker.name()).orElseThrow();
		OptionalLong estimate = row.estimatedTotal();
		if (estimate.isEmpty()) {
			estimate = RowEstimate.of(worker.connection().get(), dialect, keyset.table());
			if (estimate.isPresent()) {
				worker.store().estimate(worker.connection().get(), worker.name(), estimate.getAsLong());
			}
		}
		return estimate;
	}

	// Enough chunks for several workers, none smaller than a few of the largest batches.
	private static long chunkRows(Backfill backfill, OptionalLong estimate) {
		long fewBatches = 4L * backfill.batchSize().max();
		long share = estimate.isPresent() ? (estimate.getAsLong() + ChunkTable.CHUNKS - 1) / ChunkTable.CHUNKS : 0;
		return Math.max(1, Math.max(fewBatches, share));
	}

}

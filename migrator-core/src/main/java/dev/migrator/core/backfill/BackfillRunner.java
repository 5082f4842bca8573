package dev.migrator.core.backfill;

import dev.migrator.core.error.MigratorException;
import dev.migrator.core.dialect.Dialect;
import dev.migrator.core.dialect.Dialects;
import dev.migrator.core.dialect.TimeoutScope;
import dev.migrator.core.replica.LagThrottle;
import dev.migrator.core.replica.ReplicaLagMonitor;
import dev.migrator.core.replica.ReplicaSettings;
import dev.migrator.core.replica.ThrottleState;
import dev.migrator.core.runtime.EffectiveTimeouts;
import dev.migrator.core.runtime.Listeners;
import dev.migrator.core.runtime.RunSettings;
import dev.migrator.core.runtime.TimeoutPolicy;
import dev.migrator.core.script.Backfill;
import dev.migrator.core.script.BackfillAction;
import dev.migrator.core.script.BackfillChunk;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one backfill on one worker: keyset batches ({@code key > last AND key <= upper},
 * the upper end found by an index step of the batch size), each in its own short
 * transaction that commits together with its progress, sized toward the target duration,
 * waiting for replicas between batches while they lag. Several runners may run the same
 * backfill at once on PostgreSQL; they share it out through the chunk table.
 */
public final class BackfillRunner {

	private static final Logger logger = LoggerFactory.getLogger(BackfillRunner.class);

	/** Batches failing in a row before the backfill stops as failed. */
	static final int MAX_ATTEMPTS = 5;

	private static final Duration BUSY_WAIT = Duration.ofMillis(100);

	private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);

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
		try {
			return new Run(backfill, revision).run();
		}
		catch (SQLException ex) {
			throw new MigratorException("database-error",
					"Backfill " + backfill.name() + ": the database refused " + "an operation of the migrator itself: "
							+ ex.getMessage() + ". Its progress up to the last "
							+ "committed batch is kept; check the connection and that the user may write "
							+ this.tables.progressTable() + ", then run it again.",
					ex);
		}
	}

	/** The state of one run of one backfill. */
	private final class Run {

		private final Backfill backfill;

		private final String name;

		private final String revision;

		private final BatchSizer sizer;

		private final LagThrottle throttle;

		private final ProgressLine progress;

		private Connection connection;

		private Dialect dialect;

		private BackfillStore store;

		private Keyset keyset;

		private RangeCursor cursor;

		private int failures;

		private long rowsThisRun;

		private final long startNanos = System.nanoTime();

		Run(Backfill backfill, String revision) {
			this.backfill = backfill;
			this.name = backfill.name();
			this.revision = revision;
			this.sizer = new BatchSizer(backfill.batchSize(), backfill.targetDuration());
			this.throttle = new LagThrottle(backfill.maxLag().or(BackfillRunner.this.replicas.limits()), this::lags);
			this.progress = new ProgressLine(this.name, BackfillRunner.this.settings.progressInterval());
		}

		BackfillState run() throws SQLException {
			this.connection = BackfillRunner.this.dataSource.getConnection();
			try {
				this.connection.setAutoCommit(true);
				this.dialect = Dialects.forConnection(this.connection);
				this.store = new BackfillStore(this.dialect, BackfillRunner.this.tables);
				this.store.createTables(this.connection);
				this.store.register(this.connection, this.name, this.revision, this.backfill.table());
				Set<BackfillState> runnable = Set.of(BackfillState.PENDING, BackfillState.RUNNING);
				Optional<BackfillState> from = this.store.transition(this.connection, this.name, runnable,
						BackfillState.RUNNING);
				if (from.isEmpty()) {
					BackfillState state = this.store.state(this.connection, this.name);
					logger.info("Backfill {} is {}: nothing to run{}", this.name, state.label(),
							(state == BackfillState.DONE) ? "" : " (resume it first to run it again)");
					return state;
				}
				if (from.get() == BackfillState.PENDING) {
					BackfillRunner.this.listeners.tell((listener) -> listener.stateChanged(this.name,
							BackfillState.PENDING, BackfillState.RUNNING));
				}
				prepare();
				return loop();
			}
			catch (Interrupted ex) {
				logger.info("Backfill {}: interrupted; it stays running and the next run continues it", this.name);
				return BackfillState.RUNNING;
			}
			finally {
				closeQuietly();
			}
		}

		private void prepare() throws SQLException {
			OptionalLong estimate;
			try {
				this.keyset = Keyset.resolve(this.connection, this.dialect, this.backfill);
				ProgressRow row = this.store.read(this.connection, this.name).orElseThrow();
				estimate = row.estimatedTotal();
				if (estimate.isEmpty()) {
					estimate = RowEstimate.of(this.connection, this.dialect, this.keyset.table());
					if (estimate.isPresent()) {
						this.store.estimate(this.connection, this.name, estimate.getAsLong());
					}
				}
				if (this.store.hasChunks()) {
					ChunkTable chunks = new ChunkTable(this.dialect, BackfillRunner.this.tables, this.name);
					chunks.split(this.connection, this.keyset, chunkRows(estimate));
					this.cursor = chunks;
				}
				else {
					this.cursor = new SingleRangeCursor(this.store, this.name);
				}
			}
			catch (MigratorException | SQLException ex) {
				throw fail(ex.getMessage(), ex);
			}
			logger.info("Backfill {} (revision {}): {} on {} in key order of ({}){}, batch size {}, target {} ms{}",
					this.name, this.revision, this.backfill.action(), this.backfill.table(),
					String.join(", ", this.backfill.keyColumns()),
					this.backfill.where().map((w) -> " where " + w).orElse(""), this.backfill.batchSize(),
					this.backfill.targetDuration().toMillis(),
					estimate.isPresent() ? String.format(Locale.ROOT, ", ~%,d rows", estimate.getAsLong()) : "");
		}

		// Enough chunks for several workers, none smaller than a few of the largest
		// batches.
		private long chunkRows(OptionalLong estimate) {
			long fewBatches = 4L * this.backfill.batchSize().max();
			long share = estimate.isPresent() ? (estimate.getAsLong() + ChunkTable.CHUNKS - 1) / ChunkTable.CHUNKS : 0;
			return Math.max(1, Math.max(fewBatches, share));
		}

		private BackfillState loop() throws SQLException {
			while (true) {
				if (Thread.currentThread().isInterrupted()) {
					throw new Interrupted();
				}
				Optional<BackfillState> stopped = awaitReplicas();
				if (stopped.isPresent()) {
					return stopped(stopped.get());
				}
				int size = this.sizer.current();
				Outcome outcome;
				try {
					outcome = batch(size);
				}
				catch (Exception ex) {
					failed(ex, size);
					continue;
				}
				if (outcome instanceof Outcome.Stopped stop && stop.state() == BackfillState.PENDING) {
					// Paused and resumed between two batches: it is this worker's again.
					if (this.store
						.transition(this.connection, this.name, Set.of(BackfillState.PENDING), BackfillState.RUNNING)
						.isPresent()) {
						BackfillRunner.this.listeners.tell((listener) -> listener.stateChanged(this.name,
								BackfillState.PENDING, BackfillState.RUNNING));
					}
					continue;
				}
				if (outcome instanceof Outcome.Stopped stop) {
					return stopped(stop.state());
				}
				if (outcome instanceof Outcome.Finished) {
					return finish();
				}
				if (outcome instanceof Outcome.Busy) {
					// Every free chunk is taken: another worker is finishing the last
					// ones, or died holding one.
					sleep(BUSY_WAIT);
					continue;
				}
				Outcome.Committed batch = (Outcome.Committed) outcome;
				this.failures = 0;
				if (batch.scanned() == 0) {
					continue;
				}
				committed(batch, size);
				sleep(this.backfill.pause());
			}
		}

		private Outcome batch(int size) throws Exception {
			long start = System.nanoTime();
			this.connection.setAutoCommit(false);
			try {
				if (!this.store.hasChunks()) {
					this.store.lockForWrite(this.connection, this.name);
				}
				EffectiveTimeouts timeouts = new TimeoutPolicy(BackfillRunner.this.timeouts, this.dialect)
					.forBackfillBatch();
				try (TimeoutScope scope = this.dialect.applyTimeouts(this.connection, timeouts.lock(),
						timeouts.statement(), true)) {
					BackfillState state = this.store.state(this.connection, this.name);
					if (state != BackfillState.RUNNING) {
						this.connection.rollback();
						return new Outcome.Stopped(state);
					}
					Optional<RangeCursor.Claim> claim = this.cursor.claim(this.connection);
					if (claim.isEmpty()) {
						boolean finished = this.cursor.finished(this.connection);
						this.connection.rollback();
						return finished ? new Outcome.Finished() : new Outcome.Busy();
					}
					KeyRange range = claim.get().range();
					Optional<List<String>> upper = this.keyset.keyAt(this.connection, range, size - 1L);
					long scanned = size;
					boolean exhausted = false;
					if (upper.isEmpty()) {
						// Fewer rows than a batch are left in this range: take them all.
						exhausted = true;
						upper = this.keyset.lastKey(this.connection, range);
						scanned = upper.isPresent() ? this.keyset.count(this.connection, range) : 0;
					}
					if (upper.isEmpty()) {
						this.cursor.advance(this.connection, claim.get(), range.after().orElse(List.of()), true, 0);
						this.connection.commit();
						return new Outcome.Committed(0, 0, List.of(), Duration.ZERO, null);
					}
					long rows = apply(range.until(upper.get()));
					this.cursor.advance(this.connection, claim.get(), upper.get(), exhausted, rows);
					BackfillStore.Totals totals = this.store.recordBatch(this.connection, this.name,
							KeyText.encode(upper.get()), rows, scanned, size);
					this.connection.commit();
					return new Outcome.Committed(rows, scanned, upper.get(),
							Duration.ofNanos(System.nanoTime() - start), totals);
				}
			}
			catch (Exception ex) {
				rollbackQuietly(ex);
				throw ex;
			}
			finally {
				autocommitQuietly();
			}
		}

		private long apply(KeyRange batch) throws Exception {
			if (this.backfill.action() instanceof BackfillAction.SetExpression set) {
				try (PreparedStatement statement = this.connection.prepareStatement("UPDATE " + this.keyset.table()
						+ " SET " + set.sql() + " WHERE " + this.keyset.predicateWithFilter(batch))) {
					this.keyset.bind(statement, 1, batch);
					return statement.executeUpdate();
				}
			}
			BackfillAction.JavaFunction function = (BackfillAction.JavaFunction) this.backfill.action();
			List<List<Object>> keys = new ArrayList<>();
			try (PreparedStatement statement = this.connection
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
					.apply(new BackfillChunk(this.connection, this.backfill.table(), this.backfill.keyColumns(), keys));
			}
			return keys.size();
		}

		private void committed(Outcome.Committed batch, int size) {
			int next = this.sizer.next(size, batch.scanned(), batch.took());
			this.rowsThisRun += batch.rows();
			BatchReport report = new BatchReport(this.name, batch.rows(), batch.scanned(), size, next, batch.took(),
					this.throttle.state(), batch.totals().rowsDone(), batch.totals().rowsScanned(),
					batch.totals().estimatedTotal(), KeyText.display(batch.lastKey()));
			BackfillRunner.this.listeners.tell((listener) -> listener.batchDone(report));
			this.progress.batch(report);
		}

		private void failed(Exception ex, int size) {
			FailureKind kind = FailureKind.of(ex, !this.store.hasChunks());
			String error = FailureKind.describe(ex);
			if (kind == FailureKind.TIMEOUT) {
				OptionalInt smaller = this.sizer.split();
				if (smaller.isPresent()) {
					logger.info("Backfill {}: a batch of {} rows hit the statement timeout; retrying with {}",
							this.name, size, smaller.getAsInt());
					batchFailed(new BatchFailure(this.name, size, this.failures + 1, error, BatchFailure.Outcome.SPLIT,
							smaller.getAsInt()));
					return;
				}
				error = "a batch of " + size + " rows, the smallest allowed, took longer than the statement timeout: "
						+ error;
			}
			this.failures++;
			if (kind == FailureKind.PERMANENT || this.failures >= MAX_ATTEMPTS) {
				batchFailed(new BatchFailure(this.name, size, this.failures, error, BatchFailure.Outcome.FAIL, size));
				String why = (kind == FailureKind.PERMANENT) ? "a batch failed in a way a retry cannot fix"
						: this.failures + " batches failed in a row";
				throw fail(why + ": " + error, ex);
			}
			batchFailed(new BatchFailure(this.name, size, this.failures, error, BatchFailure.Outcome.RETRY, size));
			logger.warn("Backfill {}: batch of {} rows failed (attempt {} of {}), retrying: {}", this.name, size,
					this.failures, MAX_ATTEMPTS, error);
			if (kind == FailureKind.CONNECTION) {
				reconnect();
			}
			try {
				this.store.noteError(this.connection, this.name, error);
			}
			catch (SQLException noted) {
				// Only for status: the retry itself finds out whether the connection
				// works.
				logger.debug("Backfill {}: could not note the error: {}", this.name, noted.getMessage());
			}
			sleep(backoff());
		}

		private void batchFailed(BatchFailure failure) {
			BackfillRunner.this.listeners.tell((listener) -> listener.batchFailed(failure));
		}

		private Duration backoff() {
			// Doubling from a tenth of a second: a lock or a conflict usually clears
			// within the first few waits.
			Duration wait = this.backfill.pause().plusMillis(100).multipliedBy(1L << Math.min(this.failures - 1, 6));
			return (wait.compareTo(MAX_BACKOFF) > 0) ? MAX_BACKOFF : wait;
		}

		/** Stores the failure and returns the exception to throw. */
		private BackfillFailedException fail(String reason, Throwable cause) {
			String lastKey = "";
			try {
				ensureConnection();
				lastKey = this.store.read(this.connection, this.name)
					.flatMap(ProgressRow::lastKey)
					.map((key) -> " (last committed key " + KeyText.display(KeyText.decode(key)) + ")")
					.orElse("");
				if (this.store.fail(this.connection, this.name, reason)) {
					BackfillRunner.this.listeners.tell((listener) -> listener.stateChanged(this.name,
							BackfillState.RUNNING, BackfillState.FAILED));
				}
			}
			catch (SQLException | RuntimeException ex) {
				cause.addSuppressed(ex);
				logger.error("Backfill {}: could not record its failure: {}", this.name, ex.getMessage());
			}
			String message = "Backfill " + this.name + " (revision " + this.revision + ", table "
					+ this.backfill.table() + ") failed: " + reason + ". The batches committed before stay done"
					+ lastKey + "; fix the cause, then resume it (backfill-resume) and run it again (backfill).";
			logger.error(message);
			return new BackfillFailedException(this.name, message, cause);
		}

		private Optional<BackfillState> awaitReplicas() throws SQLException {
			ThrottleState state = measure();
			if (!state.isThrottled()) {
				return Optional.empty();
			}
			announce(state);
			try {
				while (true) {
					sleep(BackfillRunner.this.replicas.pollInterval());
					BackfillState stored = this.store.state(this.connection, this.name);
					if (stored != BackfillState.RUNNING) {
						return Optional.of(stored);
					}
					state = measure();
					if (!state.isThrottled()) {
						return Optional.empty();
					}
				}
			}
			finally {
				this.store.throttle(this.connection, this.name, Optional.empty());
				BackfillRunner.this.listeners
					.tell((listener) -> listener.throttleChanged(this.name, ThrottleState.RUNNING));
				this.progress.throttle(ThrottleState.RUNNING);
			}
		}

		private void announce(ThrottleState state) throws SQLException {
			this.store.throttle(this.connection, this.name, Optional.of(state.reason()));
			BackfillRunner.this.listeners.tell((listener) -> listener.throttleChanged(this.name, state));
			this.progress.throttle(state);
		}

		private ThrottleState measure() {
			try {
				return this.throttle.check();
			}
			catch (RuntimeException ex) {
				// A lag that cannot be read now must not stop the backfill; the last
				// known state stands.
				logger.warn("Backfill {}: could not measure replica lag: {}", this.name, ex.getMessage());
				return this.throttle.state();
			}
		}

		private List<dev.migrator.core.replica.ReplicaLag> lags() {
			try {
				return BackfillRunner.this.monitor.measure(this.connection);
			}
			catch (SQLException ex) {
				throw new MigratorException("replica-lag-error",
						"Could not read pg_stat_replication: " + ex.getMessage(), ex);
			}
		}

		private BackfillState stopped(BackfillState state) {
			if (state == BackfillState.DONE) {
				logger.info("Backfill {}: done, finished by another worker ({} rows by this one)", this.name,
						String.format(Locale.ROOT, "%,d", this.rowsThisRun));
			}
			else {
				logger.info("Backfill {}: stopped, it is {}", this.name, state.label());
			}
			return state;
		}

		private BackfillState finish() throws SQLException {
			Optional<BackfillState> from = this.store.transition(this.connection, this.name,
					Set.of(BackfillState.RUNNING), BackfillState.DONE);
			if (from.isPresent()) {
				BackfillRunner.this.listeners
					.tell((listener) -> listener.stateChanged(this.name, BackfillState.RUNNING, BackfillState.DONE));
			}
			ProgressRow row = this.store.read(this.connection, this.name).orElseThrow();
			logger
				.info(String.format(Locale.ROOT, "Backfill %s: %s, %,d rows changed in all (%,d by this worker in %s)",
						this.name, row.state().label(), row.rowsDone(), this.rowsThisRun,
						ProgressLine.format(Duration.ofNanos(System.nanoTime() - this.startNanos))));
			return row.state();
		}

		private void sleep(Duration duration) {
			if (duration.isZero()) {
				return;
			}
			try {
				Thread.sleep(duration.toMillis());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new Interrupted();
			}
		}

		private void reconnect() {
			closeQuietly();
			try {
				this.connection = BackfillRunner.this.dataSource.getConnection();
				this.connection.setAutoCommit(true);
			}
			catch (SQLException ex) {
				// The next batch fails on the closed connection and counts as another
				// attempt.
				logger.warn("Backfill {}: could not reconnect: {}", this.name, ex.getMessage());
			}
		}

		private void ensureConnection() throws SQLException {
			if (this.connection.isClosed() || !this.connection.isValid(5)) {
				reconnect();
			}
		}

		private void rollbackQuietly(Exception cause) {
			try {
				this.connection.rollback();
			}
			catch (SQLException ex) {
				cause.addSuppressed(ex);
			}
		}

		private void autocommitQuietly() {
			try {
				this.connection.setAutoCommit(true);
			}
			catch (SQLException ex) {
				// A broken connection; the next batch finds out and reconnects.
			}
		}

		private void closeQuietly() {
			try {
				this.connection.close();
			}
			catch (SQLException ex) {
				// Closing a broken connection; nothing to keep from it.
			}
		}

	}

	/** What one batch attempt came to. */
	private sealed interface Outcome {

		/**
		 * The batch committed; {@code scanned} 0 means a range turned out empty and was
		 * closed.
		 */
		record Committed(long rows, long scanned, List<String> lastKey, Duration took,
				BackfillStore.Totals totals) implements Outcome {
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

	/**
	 * The worker's thread was interrupted: stop between batches, leaving the backfill
	 * running for the next run.
	 */
	private static final class Interrupted extends RuntimeException {

		private static final long serialVersionUID = 1L;

		Interrupted() {
			super(null, null, false, false);
		}

	}

}

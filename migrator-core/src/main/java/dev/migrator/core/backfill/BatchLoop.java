package dev.migrator.core.backfill;

import java.sql.SQLException;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs batches one after another until the backfill is done or stopped: each sized toward
 * the target duration, after waiting for lagging replicas, with a pause between them and
 * the failure policy deciding what follows a failed one.
 */
final class BatchLoop {

	private static final Logger logger = LoggerFactory.getLogger(BatchLoop.class);

	private static final Duration BUSY_WAIT = Duration.ofMillis(100);

	private final WorkerContext worker;

	private final BatchAttempt attempt;

	private final BatchSizer sizer;

	private final FailurePolicy failures;

	private final LagWait lagWait;

	private final ProgressLine progress;

	private final HeldRowWait heldRows;

	private final long startNanos;

	private long rowsThisRun;

	/**
	 * @param startNanos when the worker started ({@link System#nanoTime()}), for the time
	 * it took
	 */
	BatchLoop(WorkerContext worker, BatchAttempt attempt, BatchSizer sizer, FailurePolicy failures, LagWait lagWait,
			ProgressLine progress, long startNanos) {
		this.startNanos = startNanos;
		this.worker = worker;
		this.attempt = attempt;
		this.sizer = sizer;
		this.failures = failures;
		this.lagWait = lagWait;
		this.progress = progress;
		this.heldRows = new HeldRowWait(worker, attempt, failures);
	}

	/** Runs batches until the backfill is done or stopped, and returns its state. */
	BackfillState run() throws SQLException {
		while (true) {
			Interruptible.checkInterrupted();
			Optional<BackfillState> stopped = this.lagWait.await();
			if (stopped.isPresent()) {
				return stopped(stopped.get());
			}
			int size = this.sizer.current();
			BatchAttempt.Outcome outcome;
			try {
				outcome = this.attempt.run(size);
			}
			catch (Exception ex) {
				this.failures.failed(ex, size);
				continue;
			}
			if (outcome instanceof BatchAttempt.Outcome.Stopped stop && stop.state() == BackfillState.PENDING) {
				// Paused and resumed between two batches: it is this worker's again.
				takeBack();
				continue;
			}
			if (outcome instanceof BatchAttempt.Outcome.Stopped stop) {
				return stopped(stop.state());
			}
			if (outcome instanceof BatchAttempt.Outcome.Finished) {
				return finish();
			}
			if (outcome instanceof BatchAttempt.Outcome.Held held) {
				this.failures.succeeded();
				this.heldRows.held(held.rows());
				continue;
			}
			if (outcome instanceof BatchAttempt.Outcome.Busy) {
				// Every free chunk is taken: another worker is finishing the last ones,
				// or died holding one.
				Interruptible.sleep(BUSY_WAIT);
				continue;
			}
			BatchAttempt.Outcome.Committed batch = (BatchAttempt.Outcome.Committed) outcome;
			this.failures.succeeded();
			if (batch.scanned() == 0) {
				continue;
			}
			if (batch.rows() > 0) {
				this.heldRows.progressed();
			}
			if (batch.held() > 0) {
				logger.info(
						"Backfill {}: {} row(s) up to key {} locked by other sessions were skipped; "
								+ "they are done after the rest",
						this.worker.name(), batch.held(), KeyText.display(batch.lastKey()));
			}
			committed(batch, size);
			Interruptible.sleep(this.worker.backfill().pause());
		}
	}

	private void takeBack() throws SQLException {
		String name = this.worker.name();
		this.worker.connection().ensureValid();
		if (this.worker.store()
			.transition(this.worker.connection().get(), name, Set.of(BackfillState.PENDING), BackfillState.RUNNING)
			.isPresent()) {
			this.worker.listeners()
				.tell((listener) -> listener.stateChanged(name, BackfillState.PENDING, BackfillState.RUNNING));
		}
	}

	private void committed(BatchAttempt.Outcome.Committed batch, int size) {
		int next = this.sizer.next(size, batch.scanned(), batch.took());
		this.rowsThisRun += batch.rows();
		BatchReport report = new BatchReport(this.worker.name(), batch.rows(), batch.scanned(), size, next,
				batch.took(), this.lagWait.state(), batch.totals().rowsDone(), batch.totals().rowsScanned(),
				batch.totals().estimatedTotal(), KeyText.display(batch.lastKey()));
		this.worker.listeners().tell((listener) -> listener.batchDone(report));
		this.progress.batch(report);
	}

	private BackfillState stopped(BackfillState state) {
		if (state == BackfillState.DONE) {
			logger.info("Backfill {}: done, finished by another worker ({} rows by this one)", this.worker.name(),
					String.format(Locale.ROOT, "%,d", this.rowsThisRun));
		}
		else {
			logger.info("Backfill {}: stopped, it is {}", this.worker.name(), state.label());
		}
		return state;
	}

	private BackfillState finish() throws SQLException {
		String name = this.worker.name();
		BackfillStore store = this.worker.store();
		// Between batches an administrator may have ended the session: the state changes
		// go on a working connection.
		this.worker.connection().ensureValid();
		Optional<BackfillState> from = store.transition(this.worker.connection().get(), name,
				Set.of(BackfillState.RUNNING), BackfillState.DONE);
		if (from.isPresent()) {
			this.worker.listeners()
				.tell((listener) -> listener.stateChanged(name, BackfillState.RUNNING, BackfillState.DONE));
		}
		ProgressRow row = store.read(this.worker.connection().get(), name).orElseThrow();
		logger.info(String.format(Locale.ROOT, "Backfill %s: %s, %,d rows changed in all (%,d by this worker in %s)",
				name, row.state().label(), row.rowsDone(), this.rowsThisRun,
				ProgressLine.format(Duration.ofNanos(System.nanoTime() - this.startNanos))));
		return row.state();
	}

}

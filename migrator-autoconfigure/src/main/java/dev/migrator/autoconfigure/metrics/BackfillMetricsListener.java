package dev.migrator.autoconfigure.metrics;

import dev.migrator.core.backfill.BackfillListener;
import dev.migrator.core.backfill.BackfillState;
import dev.migrator.core.backfill.BatchReport;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Counts the rows each committed batch changed in the
 * {@value MigratorMeterNames#BACKFILL_ROWS} counter, and has the progress gauges read the
 * new progress.
 */
public class BackfillMetricsListener implements BackfillListener {

	private final MeterRegistry registry;

	private final BackfillProgressMetrics progress;

	public BackfillMetricsListener(MeterRegistry registry, BackfillProgressMetrics progress) {
		this.registry = registry;
		this.progress = progress;
	}

	@Override
	public void batchDone(BatchReport report) {
		Counter.builder(MigratorMeterNames.BACKFILL_ROWS)
			.description("Rows the backfill batches of this process changed")
			.tag(MigratorMeterNames.TAG_BACKFILL, report.backfill())
			.register(this.registry)
			.increment(report.rows());
		this.progress.refresh();
	}

	@Override
	public void stateChanged(String backfill, BackfillState from, BackfillState to) {
		this.progress.refresh();
	}

}

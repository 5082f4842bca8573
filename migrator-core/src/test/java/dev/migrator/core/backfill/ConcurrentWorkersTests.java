package dev.migrator.core.backfill;

import dev.migrator.core.Migrator;
import dev.migrator.core.script.Backfill;
import dev.migrator.core.script.BatchSizeBounds;
import dev.migrator.testsupport.TestDataSources;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Workers running the same backfill at once share it through the chunk table: no row
 * twice, none left out.
 */
class ConcurrentWorkersTests {

	private static final int ROWS = 3000;

	@Test
	void twoWorkersFinishOneBackfillTogetherWithNoOverlapAndNoGap() throws Exception {
		DataSource dataSource = TestDataSources.freshPostgres();
		BackfillDatabases.createItems(dataSource, ROWS);
		Backfill backfill = Backfill.builder("bump")
			.table("items")
			.key("id")
			.set("counter = counter + 1")
			.batchSize(BatchSizeBounds.fixed(25))
			.pause(Duration.ofMillis(5))
			.build();
		BackfillDatabases.upgradedMigrator(dataSource, backfill, (builder) -> {
		});
		AtomicLong[] rowsByWorker = { new AtomicLong(), new AtomicLong() };
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService workers = Executors.newFixedThreadPool(2);
		try {
			List<Future<BackfillState>> ends = List.of(0, 1).stream().map((worker) -> workers.submit(() -> {
				// Each worker is its own migrator, as two job instances would be.
				Migrator migrator = BackfillDatabases.migrator(dataSource, backfill,
						(builder) -> builder.backfillListener(new BackfillListener() {
							@Override
							public void batchDone(BatchReport report) {
								rowsByWorker[worker].addAndGet(report.rows());
							}
						}));
				start.await();
				return migrator.backfills().run("bump").state();
			})).toList();
			start.countDown();
			for (Future<BackfillState> end : ends) {
				assertThat(end.get(60, TimeUnit.SECONDS)).isEqualTo(BackfillState.DONE);
			}
		}
		finally {
			workers.shutdownNow();
		}

		assertThat(BackfillDatabases.count(dataSource, "SELECT count(*) FROM items WHERE counter = 1")).isEqualTo(ROWS);
		assertThat(BackfillDatabases.count(dataSource, "SELECT count(*) FROM items WHERE counter <> 1")).isZero();
		assertThat(rowsByWorker[0].get()).as("rows by the first worker").isPositive();
		assertThat(rowsByWorker[1].get()).as("rows by the second worker").isPositive();
		assertThat(rowsByWorker[0].get() + rowsByWorker[1].get()).isEqualTo(ROWS);
		assertThat(BackfillDatabases.count(dataSource, "SELECT rows_done FROM migrator_backfill WHERE name = 'bump'"))
			.isEqualTo(ROWS);
		assertThat(BackfillDatabases.count(dataSource,
				"SELECT count(*) FROM migrator_backfill_chunk WHERE backfill = 'bump' AND state <> 'done'"))
			.isZero();
		assertThat(BackfillDatabases.count(dataSource,
				"SELECT sum(rows_done) FROM migrator_backfill_chunk WHERE backfill = 'bump'"))
			.isEqualTo(ROWS);
	}

}

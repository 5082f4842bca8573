package dev.migrator.core.backfill;

import dev.migrator.core.script.Backfill;
import dev.migrator.core.script.BatchSizeBounds;
import dev.migrator.testsupport.TestDataSources;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The batch size moves toward the target duration: up on a fast table, down when batches
 * are slow, within bounds.
 */
class AdaptiveBatchSizeTests {

	@Test
	void batchesGrowOnAFastTableUpToTheUpperBound() throws Exception {
		DataSource dataSource = TestDataSources.freshPostgres();
		BackfillDatabases.createItems(dataSource, 20_000);
		Backfill backfill = Backfill.builder("fast")
			.table("items")
			.key("id")
			.set("counter = counter + 1")
			.batchSize(BatchSizeBounds.between(10, 2000))
			.targetDuration(Duration.ofMillis(300))
			.pause(Duration.ZERO)
			.build();
		List<BatchReport> batches = new CopyOnWriteArrayList<>();
		BackfillDatabases
			.upgradedMigrator(dataSource, backfill, (builder) -> builder.backfillListener(listener(batches)))
			.backfills()
			.run("fast");

		List<Integer> sizes = batches.stream().map(BatchReport::batchSize).toList();
		assertThat(sizes.get(0)).isEqualTo(10);
		assertThat(sizes).allSatisfy((size) -> assertThat(size).isBetween(10, 2000));
		assertThat(sizes.subList(0, 5)).as("growing while far below the target").isSorted().doesNotHaveDuplicates();
		assertThat(sizes.stream().mapToInt(Integer::intValue).max().orElseThrow()).isGreaterThanOrEqualTo(1000);
		assertThat(BackfillDatabases.count(dataSource, "SELECT count(*) FROM items WHERE counter <> 1")).isZero();
	}

	@Test
	void batchesShrinkWhenSlowDownToTheTargetButNotBelowTheLowerBound() throws Exception {
		DataSource dataSource = TestDataSources.freshPostgres();
		BackfillDatabases.createItems(dataSource, 1000);
		// About 1 ms a row: a batch of 400 takes 400 ms against a target of 50 ms.
		Backfill backfill = Backfill.builder("slow").table("items").key("id").function((chunk) -> {
			Thread.sleep(chunk.size());
			try (PreparedStatement update = chunk.connection()
				.prepareStatement("UPDATE items SET counter = counter + 1 WHERE id = ANY(?)")) {
				update.setArray(1, chunk.connection().createArrayOf("bigint", chunk.values("id").toArray()));
				assertThat(update.executeUpdate()).isEqualTo(chunk.size());
			}
		})
			.batchSize(new BatchSizeBounds(20, 400, 400))
			.targetDuration(Duration.ofMillis(50))
			.pause(Duration.ZERO)
			.build();
		List<BatchReport> batches = new CopyOnWriteArrayList<>();
		BackfillDatabases
			.upgradedMigrator(dataSource, backfill, (builder) -> builder.backfillListener(listener(batches)))
			.backfills()
			.run("slow");

		List<Integer> sizes = batches.stream().map(BatchReport::batchSize).toList();
		assertThat(sizes.get(0)).isEqualTo(400);
		assertThat(sizes.get(1)).as("halved at most per step").isEqualTo(200);
		assertThat(sizes).allSatisfy((size) -> assertThat(size).isBetween(20, 400));
		assertThat(sizes.get(sizes.size() - 1)).as("settled near 50 ms worth of rows").isLessThan(100);
		assertThat(BackfillDatabases.count(dataSource, "SELECT count(*) FROM items WHERE counter <> 1")).isZero();
		assertThat(batches.stream().mapToLong(BatchReport::rows).sum()).isEqualTo(1000);
	}

	private static BackfillListener listener(List<BatchReport> batches) {
		return new BackfillListener() {
			@Override
			public void batchDone(BatchReport report) {
				batches.add(report);
			}
		};
	}

}

package dev.migrator.core.backfill;

import dev.migrator.core.Migrator;
import dev.migrator.core.script.Backfill;
import dev.migrator.core.script.BatchSizeBounds;
import dev.migrator.testsupport.TestDataSources;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A batch that hits the statement timeout is split and retried; one that keeps failing
 * fails the backfill, loudly.
 */
class BatchFailureTests {

	private final List<BatchFailure> failures = new CopyOnWriteArrayList<>();

	private final List<BatchReport> batches = new CopyOnWriteArrayList<>();

	@Test
	void aBatchHittingTheStatementTimeoutIsSplitAndRetriedWithoutApplyingTwice() throws Exception {
		DataSource dataSource = slowTable(150, 10);
		// 100 rows at 10 ms each take a second, four times the timeout: 100 -> 50 -> 25
		// -> 12 fits.
		Migrator migrator = migrator(dataSource, new BatchSizeBounds(1, 100, 100), Duration.ofMillis(250));

		assertThat(migrator.backfills().run("slow").state()).isEqualTo(BackfillState.DONE);

		assertThat(this.failures).isNotEmpty().allSatisfy((failure) -> {
			assertThat(failure.outcome()).isEqualTo(BatchFailure.Outcome.SPLIT);
			assertThat(failure.nextBatchSize()).isLessThan(failure.batchSize());
			assertThat(failure.error()).contains("statement timeout");
		});
		assertThat(this.failures.get(0).batchSize()).isEqualTo(100);
		assertThat(this.batches.get(0).batchSize()).isLessThanOrEqualTo(25);
		assertThat(BackfillDatabases.count(dataSource, "SELECT count(*) FROM items WHERE counter <> 1")).isZero();
		assertThat(migrator.backfills().status("slow").rowsDone()).isEqualTo(150);
	}

	@Test
	void aBatchThatTimesOutEvenAtTheLowerBoundFailsTheBackfillWithTheError() throws Exception {
		DataSource dataSource = slowTable(20, 400);
		Migrator migrator = migrator(dataSource, new BatchSizeBounds(1, 4, 4), Duration.ofMillis(100));

		assertThatExceptionOfType(BackfillFailedException.class).isThrownBy(() -> migrator.backfills().run("slow"))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo("backfill-failed"))
			.withMessageContaining("Backfill slow (revision 0001_backfill, table items) failed")
			.withMessageContaining("batches failed in a row")
			.withMessageContaining("statement timeout")
			.withMessageContaining("backfill-resume");

		assertThat(this.failures).extracting(BatchFailure::outcome)
			.containsExactly(BatchFailure.Outcome.SPLIT, BatchFailure.Outcome.SPLIT, BatchFailure.Outcome.RETRY,
					BatchFailure.Outcome.RETRY, BatchFailure.Outcome.RETRY, BatchFailure.Outcome.RETRY,
					BatchFailure.Outcome.FAIL);
		BackfillStatus status = migrator.backfills().status("slow");
		assertThat(status.state()).isEqualTo(BackfillState.FAILED);
		assertThat(status.lastError()).hasValueSatisfying((error) -> assertThat(error).contains("statement timeout"));
		assertThat(BackfillDatabases.count(dataSource, "SELECT count(*) FROM items WHERE counter <> 0")).isZero();
		assertThat(this.batches).isEmpty();
	}

	@Test
	void anErrorNoRetryCanFixFailsTheBackfillAtOnceAndARunAfterThatLeavesItAlone() throws Exception {
		DataSource dataSource = TestDataSources.freshPostgres();
		BackfillDatabases.createItems(dataSource, 10);
		Backfill backfill = Backfill.builder("broken").table("items").key("id").set("counter = counter / 0").build();
		Migrator migrator = BackfillDatabases.upgradedMigrator(dataSource, backfill,
				(builder) -> builder.backfillListener(recorder()));

		assertThatExceptionOfType(BackfillFailedException.class).isThrownBy(() -> migrator.backfills().runPending())
			.withMessageContaining("a retry cannot fix")
			.withMessageContaining("division by zero");
		assertThat(this.failures).extracting(BatchFailure::outcome).containsExactly(BatchFailure.Outcome.FAIL);
		assertThat(migrator.backfills().status("broken").lastError())
			.hasValueSatisfying((error) -> assertThat(error).contains("division by zero"));

		assertThat(migrator.backfills().run("broken").state()).as("a failed backfill waits for resume")
			.isEqualTo(BackfillState.FAILED);
		assertThat(migrator.backfills().resume("broken").state()).isEqualTo(BackfillState.PENDING);
		assertThat(migrator.backfills().status("broken").lastError()).isEmpty();
	}

	private DataSource slowTable(int rows, int millisPerRow) throws Exception {
		DataSource dataSource = TestDataSources.freshPostgres();
		BackfillDatabases.createItems(dataSource, rows);
		BackfillDatabases.execute(dataSource, "CREATE FUNCTION slow_one() RETURNS integer LANGUAGE plpgsql AS "
				+ "$$ BEGIN PERFORM pg_sleep(" + millisPerRow / 1000.0 + "); RETURN 1; END $$");
		return dataSource;
	}

	private Migrator migrator(DataSource dataSource, BatchSizeBounds bounds, Duration statementTimeout) {
		Backfill backfill = Backfill.builder("slow")
			.table("items")
			.key("id")
			.set("counter = counter + slow_one()")
			.batchSize(bounds)
			.targetDuration(Duration.ofMillis(100))
			.pause(Duration.ZERO)
			.build();
		return BackfillDatabases.upgradedMigrator(dataSource, backfill,
				(builder) -> builder.statementTimeout(statementTimeout).backfillListener(recorder()));
	}

	private BackfillListener recorder() {
		return new BackfillListener() {

			@Override
			public void batchDone(BatchReport report) {
				BatchFailureTests.this.batches.add(report);
			}

			@Override
			public void batchFailed(BatchFailure failure) {
				BatchFailureTests.this.failures.add(failure);
			}

		};
	}

}

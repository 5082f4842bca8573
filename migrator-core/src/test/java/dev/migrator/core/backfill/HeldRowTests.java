package dev.migrator.core.backfill;

import dev.migrator.core.Migrator;
import dev.migrator.core.script.Backfill;
import dev.migrator.core.script.BatchSizeBounds;
import dev.migrator.testsupport.TestDataSources;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * On PostgreSQL a backfill batch never waits for a row the application holds: it skips
 * the row, goes on with the rest, and comes back to it after its holder is done, so that
 * no writer ever queues behind a batch that waits. Every row is still done exactly once.
 */
class HeldRowTests {

	private static final int ROWS = 200;

	private static final long HELD = 15;

	@Test
	void aBatchSkipsARowTheApplicationHoldsAndDoesItAfterItsHolderCommits() throws Exception {
		DataSource dataSource = TestDataSources.freshPostgres();
		BackfillDatabases.createItems(dataSource, ROWS);
		Migrator migrator = BackfillDatabases.upgradedMigrator(dataSource, bump(), (builder) -> {
		});
		CompletableFuture<BackfillStatus> run;
		try (Connection holder = dataSource.getConnection(); Statement statement = holder.createStatement()) {
			holder.setAutoCommit(false);
			statement.executeQuery("SELECT * FROM items WHERE id = " + HELD + " FOR UPDATE").close();
			run = CompletableFuture.supplyAsync(() -> migrator.backfills().run("bump"));
			// The rows after the held one, in its batch and in the batches after it, are
			// done while the holder keeps its lock.
			awaitDoneOrStopped(dataSource, run, ROWS - 1);
			assertThat(doneExceptTheHeldRow(dataSource)).as("rows done while row %d is held", HELD).isEqualTo(ROWS - 1);
			assertThat(counterOfTheHeldRow(dataSource)).isZero();
			statement.executeUpdate("UPDATE items SET status = 'seen' WHERE id = " + HELD);
			holder.commit();
		}
		assertThat(run.get(60, TimeUnit.SECONDS).state()).isEqualTo(BackfillState.DONE);
		assertThat(BackfillDatabases.count(dataSource, "SELECT count(*) FROM items WHERE counter <> 1"))
			.as("rows not done exactly once")
			.isZero();
		assertThat(BackfillDatabases.string(dataSource, "SELECT status FROM items WHERE id = " + HELD))
			.isEqualTo("seen");
	}

	@Test
	void aRowHeldTooLongStopsTheBackfillNamingItsHolderAndAResumedRunDoesItLater() throws Exception {
		DataSource dataSource = TestDataSources.freshPostgres();
		BackfillDatabases.createItems(dataSource, ROWS);
		Migrator migrator = BackfillDatabases.upgradedMigrator(dataSource, bump(), (builder) -> {
		});
		try (Connection holder = dataSource.getConnection(); Statement statement = holder.createStatement()) {
			statement.execute("SET application_name = 'held-row-report'");
			holder.setAutoCommit(false);
			int pid;
			try (ResultSet rs = statement.executeQuery("SELECT pg_backend_pid()")) {
				rs.next();
				pid = rs.getInt(1);
			}
			statement.executeQuery("SELECT * FROM items WHERE id = " + HELD + " FOR UPDATE").close();
			assertThatThrownBy(() -> migrator.backfills().run("bump")).isInstanceOf(BackfillFailedException.class)
				.hasMessageContaining("the row with key " + HELD + " stayed locked by the transaction of pid " + pid)
				.hasMessageContaining("application 'held-row-report'")
				.hasMessageContaining("while every other row was done");
			assertThat(doneExceptTheHeldRow(dataSource)).isEqualTo(ROWS - 1);
			holder.rollback();
		}
		migrator.backfills().resume("bump");
		assertThat(migrator.backfills().run("bump").state()).isEqualTo(BackfillState.DONE);
		assertThat(BackfillDatabases.count(dataSource, "SELECT count(*) FROM items WHERE counter <> 1")).isZero();
	}

	private static Backfill bump() {
		// Not idempotent on purpose: a row done twice would show as 2.
		return Backfill.builder("bump")
			.table("items")
			.key("id")
			.set("counter = counter + 1")
			.batchSize(BatchSizeBounds.fixed(10))
			.pause(Duration.ZERO)
			.build();
	}

	private static void awaitDoneOrStopped(DataSource dataSource, CompletableFuture<?> run, long rows)
			throws Exception {
		long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
		while (doneExceptTheHeldRow(dataSource) < rows && !run.isDone()) {
			assertThat(System.nanoTime() - deadline).as("time left for the backfill to pass the held row").isNegative();
			Thread.sleep(20);
		}
		if (run.isDone()) {
			try {
				run.get();
			}
			catch (ExecutionException ex) {
				// What the assertions after the wait then show: the rows left undone.
			}
		}
	}

	private static long doneExceptTheHeldRow(DataSource dataSource) throws Exception {
		return BackfillDatabases.count(dataSource, "SELECT count(*) FROM items WHERE counter = 1 AND id <> " + HELD);
	}

	private static long counterOfTheHeldRow(DataSource dataSource) throws Exception {
		return BackfillDatabases.count(dataSource, "SELECT counter FROM items WHERE id = " + HELD);
	}

}

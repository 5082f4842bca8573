package dev.migrator.core.backfill;

import dev.migrator.testsupport.TestDataSources;

import dev.migrator.core.Migrator;
import dev.migrator.core.script.Backfill;
import dev.migrator.core.script.BatchSizeBounds;
import dev.migrator.testsupport.TestPostgres;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A backfill worker whose backend an administrator terminates (SQLState 57P01) drops the
 * dead connection, takes a new one from the data source and carries on: the batch that
 * was running is rolled back with the session and runs again, so every row is still
 * changed exactly once.
 */
class WorkerReconnectTests {

	private static final String APPLICATION = "reconnect-worker";

	private static final int ROWS = 200;

	private final List<BatchFailure> failures = new CopyOnWriteArrayList<>();

	@Test
	void aWorkerWhoseBackendIsTerminatedReconnectsAndFinishesEveryRowExactlyOnce() throws Exception {
		TestPostgres server = TestPostgres.shared();
		String url = server.createDatabase();
		DataSource dataSource = TestDataSources.postgres(
				url + (url.contains("?") ? "&" : "?") + "ApplicationName=" + APPLICATION, server.user(),
				server.password());
		BackfillDatabases.createItems(dataSource, ROWS);
		BackfillDatabases.execute(dataSource, "CREATE FUNCTION slow_one() RETURNS integer LANGUAGE plpgsql AS "
				+ "$$ BEGIN PERFORM pg_sleep(0.01); RETURN 1; END $$");
		Backfill backfill = Backfill.builder("slow")
			.table("items")
			.key("id")
			.set("counter = counter + slow_one()")
			.batchSize(new BatchSizeBounds(10, 10, 10))
			.pause(Duration.ZERO)
			.build();
		Migrator migrator = BackfillDatabases.upgradedMigrator(dataSource, backfill,
				(builder) -> builder.backfillListener(new BackfillListener() {

					@Override
					public void batchFailed(BatchFailure failure) {
						WorkerReconnectTests.this.failures.add(failure);
					}

				}));
		CompletableFuture<BackfillStatus> run = CompletableFuture.supplyAsync(() -> migrator.backfills().run("slow"));

		int terminated = 0;
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
		while (terminated < 2 && System.nanoTime() < deadline && !run.isDone()) {
			long done = BackfillDatabases.count(dataSource, "SELECT count(*) FROM items WHERE counter > 0");
			if (done >= (terminated + 1) * 40L) {
				terminated += (int) BackfillDatabases.count(dataSource,
						"SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE application_name = '"
								+ APPLICATION + "' AND state = 'active' AND query ILIKE '%UPDATE%items%' "
								+ "AND pid <> pg_backend_pid()");
			}
			Thread.sleep(5);
		}

		assertThat(terminated).as("worker backends terminated mid-batch").isEqualTo(2);
		assertThat(run.get(60, TimeUnit.SECONDS).state()).isEqualTo(BackfillState.DONE);
		assertThat(BackfillDatabases.count(dataSource, "SELECT count(*) FROM items WHERE counter = 1")).isEqualTo(ROWS);
		assertThat(BackfillDatabases.count(dataSource, "SELECT count(*) FROM items WHERE counter <> 1")).isZero();
		assertThat(migrator.backfills().status("slow").rowsDone()).isEqualTo(ROWS);
		assertThat(this.failures).hasSize(2)
			.allSatisfy((failure) -> assertThat(failure.outcome()).isEqualTo(BatchFailure.Outcome.RETRY));
		assertThat(this.failures).extracting(BatchFailure::error)
			.allSatisfy((error) -> assertThat(error).containsAnyOf("57P01", "08003", "08006"));
	}

}

package dev.migrator.core.backfill;

import dev.migrator.core.Migrator;
import dev.migrator.core.script.LagLimits;
import dev.migrator.core.replica.SharedReplicaCluster;
import dev.migrator.core.replica.ThrottleState;
import dev.migrator.core.script.Backfill;
import dev.migrator.core.script.BatchSizeBounds;
import dev.migrator.testsupport.TestReplicaCluster;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A backfill waits while a real standby lags beyond the limit, and goes on once it has
 * caught up.
 */
class ReplicaThrottleTests {

	private static final long LIMIT = 1024 * 1024;

	@Test
	void aBackfillPausesWhileTheStandbyLagsAndResumesWhenItCatchesUp() throws Exception {
		TestReplicaCluster cluster = SharedReplicaCluster.get();
		DataSource primary = SharedReplicaCluster.primary(SharedReplicaCluster.createDatabase());
		BackfillDatabases.createItems(primary, 2000);
		Backfill backfill = Backfill.builder("bump")
			.table("items")
			.key("id")
			.set("counter = counter + 1")
			.batchSize(BatchSizeBounds.fixed(50))
			.pause(Duration.ofMillis(5))
			.maxLag(LagLimits.bytes(LIMIT))
			.build();
		List<ThrottleState> throttle = new CopyOnWriteArrayList<>();
		AtomicInteger batches = new AtomicInteger();
		Migrator migrator = BackfillDatabases.upgradedMigrator(primary, backfill,
				(builder) -> builder.replicaLagPollInterval(Duration.ofMillis(100))
					.backfillListener(new BackfillListener() {
						@Override
						public void batchDone(BatchReport report) {
							batches.incrementAndGet();
						}

						@Override
						public void throttleChanged(String name, ThrottleState state) {
							throttle.add(state);
						}
					}));
		cluster.pauseReplay();
		CompletableFuture<BackfillStatus> run;
		try {
			SharedReplicaCluster.writeWal(primary, 3);
			SharedReplicaCluster.awaitPrimaryReportsBehind(migrator, LIMIT);

			run = CompletableFuture.supplyAsync(() -> migrator.backfills().run("bump"));
			await(() -> !throttle.isEmpty());
			assertThat(throttle.get(0).isThrottled()).isTrue();
			assertThat(throttle.get(0).reason()).contains(cluster.replicaApplicationName()).contains("over 1.0 MB");
			BackfillStatus waiting = migrator.backfills().status("bump");
			assertThat(waiting.state()).isEqualTo(BackfillState.RUNNING);
			assertThat(waiting.throttle()).hasValueSatisfying((reason) -> assertThat(reason).contains("behind"));
			Thread.sleep(1000);
			assertThat(batches.get()).as("no batch while the standby lags").isZero();
			assertThat(run).isNotDone();
		}
		finally {
			cluster.resumeReplay();
		}

		BackfillStatus done = run.get(60, TimeUnit.SECONDS);
		assertThat(done.state()).isEqualTo(BackfillState.DONE);
		assertThat(done.throttle()).isEmpty();
		assertThat(throttle.get(1)).isEqualTo(ThrottleState.RUNNING);
		assertThat(batches.get()).isEqualTo(40);
		assertThat(BackfillDatabases.count(primary, "SELECT count(*) FROM items WHERE counter <> 1")).isZero();
	}

	private static void await(java.util.function.BooleanSupplier condition) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
		while (!condition.getAsBoolean()) {
			assertThat(System.nanoTime()).as("waited 20s").isLessThan(deadline);
			Thread.sleep(20);
		}
	}

}

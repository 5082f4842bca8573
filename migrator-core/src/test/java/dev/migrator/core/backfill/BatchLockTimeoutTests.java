package dev.migrator.core.backfill;

import dev.migrator.testsupport.TestDataSources;

import dev.migrator.core.Migrator;
import dev.migrator.core.dialect.PostgresDialect;
import dev.migrator.core.script.Backfill;
import dev.migrator.core.script.BatchSizeBounds;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A backfill batch waits for a lock no longer than a revision's statement would: the
 * configured lock timeout, else PostgreSQL's default one, so that a batch never sits in
 * the lock queue while every other query on the table queues behind it.
 */
class BatchLockTimeoutTests {

	private final List<BatchFailure> failures = new CopyOnWriteArrayList<>();

	@Test
	void aBatchRunsUnderTheDefaultLockTimeoutWhenNoneIsConfigured() throws Exception {
		assertThat(PostgresDialect.DEFAULT_LOCK_TIMEOUT).isEqualTo(Duration.ofMillis(50));
		assertThat(lockTimeoutInsideABatch(Duration.ZERO)).isEqualTo("50ms");
	}

	@Test
	void aBatchRunsUnderTheConfiguredLockTimeout() throws Exception {
		assertThat(lockTimeoutInsideABatch(Duration.ofMillis(750))).isEqualTo("750ms");
	}

	@Test
	void aBatchBlockedByATableLockGivesUpAfterTheDefaultLockTimeoutAndIsRetried() throws Exception {
		DataSource dataSource = TestDataSources.freshPostgres();
		BackfillDatabases.createItems(dataSource, 20);
		Backfill backfill = Backfill.builder("bump")
			.table("items")
			.key("id")
			.set("counter = counter + 1")
			.batchSize(BatchSizeBounds.fixed(10))
			.pause(Duration.ZERO)
			.build();
		CompletableFuture<BatchFailure> firstFailure = new CompletableFuture<>();
		Migrator migrator = BackfillDatabases.upgradedMigrator(dataSource, backfill,
				(builder) -> builder.backfillListener(new BackfillListener() {
					@Override
					public void batchFailed(BatchFailure failure) {
						BatchLockTimeoutTests.this.failures.add(failure);
						firstFailure.complete(failure);
					}
				}));
		CompletableFuture<BackfillStatus> run;
		long blockedAt;
		try (Connection blocker = dataSource.getConnection(); Statement statement = blocker.createStatement()) {
			blocker.setAutoCommit(false);
			// A row lock a batch skips (HeldRowTests); a lock on the whole table it
			// cannot.
			statement.execute("LOCK TABLE items IN EXCLUSIVE MODE");
			blockedAt = System.nanoTime();
			run = CompletableFuture.supplyAsync(() -> migrator.backfills().run("bump"));
			// Without a lock timeout the batch would wait for the blocker for ever.
			BatchFailure failure = firstFailure.get(30, TimeUnit.SECONDS);
			assertThat(Duration.ofNanos(System.nanoTime() - blockedAt))
				.isGreaterThanOrEqualTo(PostgresDialect.DEFAULT_LOCK_TIMEOUT);
			assertThat(failure.outcome()).isEqualTo(BatchFailure.Outcome.RETRY);
			assertThat(failure.error()).contains("lock timeout").contains("55P03");
			blocker.rollback();
		}
		assertThat(run.get(30, TimeUnit.SECONDS).state()).isEqualTo(BackfillState.DONE);
		assertThat(BackfillDatabases.count(dataSource, "SELECT count(*) FROM items WHERE counter <> 1")).isZero();
	}

	/**
	 * Runs a Java backfill that reads {@code lock_timeout} inside its batch, with the
	 * given configured lock timeout (zero: none configured).
	 */
	private String lockTimeoutInsideABatch(Duration configured) throws Exception {
		DataSource dataSource = TestDataSources.freshPostgres();
		BackfillDatabases.createItems(dataSource, 3);
		List<String> seen = new CopyOnWriteArrayList<>();
		Backfill backfill = Backfill.builder("probe").table("items").key("id").function((chunk) -> {
			try (Statement statement = chunk.connection().createStatement();
					ResultSet rs = statement.executeQuery("SHOW lock_timeout")) {
				rs.next();
				seen.add(rs.getString(1));
			}
		}).build();
		Migrator migrator = BackfillDatabases.upgradedMigrator(dataSource, backfill, (builder) -> {
			if (!configured.isZero()) {
				builder.lockTimeout(configured);
			}
		});
		assertThat(migrator.backfills().run("probe").state()).isEqualTo(BackfillState.DONE);
		assertThat(seen).hasSize(1);
		return seen.get(0);
	}

}

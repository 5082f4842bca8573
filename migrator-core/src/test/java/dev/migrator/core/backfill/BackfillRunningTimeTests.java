package dev.migrator.core.backfill;

import dev.migrator.core.Migrator;
import dev.migrator.core.script.Backfill;
import dev.migrator.core.script.BatchSizeBounds;
import dev.migrator.testsupport.TestDataSources;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Rows per second and the ETA count the time a backfill ran, not the time an operator
 * kept it paused.
 */
class BackfillRunningTimeTests {

	private static final Duration PAUSE = Duration.ofMillis(1500);

	@TempDir
	Path temp;

	@Test
	void onSqliteThePausedTimeIsLeftOutOfTheRate() throws Exception {
		pauseForAWhileThenFinish(TestDataSources.sqliteFile(this.temp.resolve("app.db")));
	}

	@Test
	void onPostgresThePausedTimeIsLeftOutOfTheRate() throws Exception {
		pauseForAWhileThenFinish(TestDataSources.freshPostgres());
	}

	@Test
	void aProgressTableFromBeforeTheRunningTimeGetsItsColumnsFromTheNextWorkerAndIsReadMeanwhile() throws Exception {
		DataSource dataSource = TestDataSources.freshPostgres();
		BackfillDatabases.createItems(dataSource, 300);
		BackfillDatabases.execute(dataSource, "CREATE TABLE migrator_backfill (name varchar(255) NOT NULL PRIMARY KEY, "
				+ "revision varchar(255), table_name varchar(255) NOT NULL, state varchar(16) NOT NULL, "
				+ "last_key text, rows_done bigint NOT NULL DEFAULT 0, rows_scanned bigint NOT NULL DEFAULT 0, "
				+ "estimated_total bigint, batch_size integer, throttle text, started_at timestamp with time zone, "
				+ "updated_at timestamp with time zone NOT NULL, last_error text)");
		BackfillDatabases.execute(dataSource,
				"INSERT INTO migrator_backfill (name, revision, table_name, state, rows_done, rows_scanned, "
						+ "estimated_total, started_at, updated_at) VALUES ('bump', '" + BackfillDatabases.REVISION
						+ "', 'items', 'paused', 100, 100, 300, now() - interval '10 seconds', now())");
		Migrator migrator = BackfillDatabases.upgradedMigrator(dataSource, backfill(), (builder) -> {
		});

		BackfillStatus before = migrator.backfills().status("bump");
		assertThat(before.runningTime()).as("not tracked yet").isEmpty();
		assertThat(before.rowsPerSecond()).as("100 rows over the 10 s from start to last update")
			.isCloseTo(10.0, within(1.0));

		migrator.backfills().resume("bump");
		assertThat(migrator.backfills().run("bump").state()).isEqualTo(BackfillState.DONE);
		BackfillStatus done = migrator.backfills().status("bump");
		assertThat(done.runningTime()).isPresent();
		assertThat(BackfillDatabases.count(dataSource, "SELECT count(*) FROM information_schema.columns "
				+ "WHERE table_name = 'migrator_backfill' AND column_name IN ('active_millis', 'active_since')"))
			.isEqualTo(2);
	}

	private void pauseForAWhileThenFinish(DataSource dataSource) throws Exception {
		BackfillDatabases.createItems(dataSource, 500);
		AtomicInteger batches = new AtomicInteger();
		Migrator[] migrator = new Migrator[1];
		migrator[0] = BackfillDatabases.upgradedMigrator(dataSource, backfill(),
				(builder) -> builder.backfillListener(new BackfillListener() {
					@Override
					public void batchDone(BatchReport report) {
						if (batches.incrementAndGet() == 3) {
							migrator[0].backfills().pause("bump");
						}
					}
				}));
		assertThat(migrator[0].backfills().run("bump").state()).isEqualTo(BackfillState.PAUSED);
		Duration ranBeforePause = migrator[0].backfills().status("bump").runningTime().orElseThrow();

		Thread.sleep(PAUSE.toMillis());
		migrator[0].backfills().resume("bump");
		assertThat(migrator[0].backfills().run("bump").state()).isEqualTo(BackfillState.DONE);

		BackfillStatus done = migrator[0].backfills().status("bump");
		Duration wall = Duration.between(done.startedAt().orElseThrow(), done.updatedAt().orElseThrow());
		Duration running = done.runningTime().orElseThrow();
		assertThat(running).as("the pause is not running time").isLessThanOrEqualTo(wall.minus(PAUSE));
		assertThat(running).as("the time before the pause still counts").isGreaterThanOrEqualTo(ranBeforePause);
		assertThat(done.rowsPerSecond()).isCloseTo(500 / (running.toMillis() / 1000.0), within(0.01));
	}

	private static Backfill backfill() {
		return Backfill.builder("bump")
			.table("items")
			.key("id")
			.set("counter = counter + 1")
			.batchSize(BatchSizeBounds.fixed(50))
			.build();
	}

}

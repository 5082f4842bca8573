package dev.migrator.core.backfill;

import dev.migrator.core.Migrator;
import dev.migrator.core.replica.ReplicaLag;
import dev.migrator.core.script.Backfill;
import dev.migrator.core.script.BatchSizeBounds;
import dev.migrator.testsupport.TestDataSources;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * On SQLite a backfill runs in one process, its position kept in the progress row's last
 * key.
 */
class SqliteBackfillTests {

	@TempDir
	Path temp;

	@Test
	void aPausedBackfillResumesInAFreshProcessFromTheStoredLastKey() throws Exception {
		DataSource dataSource = TestDataSources.sqliteFile(this.temp.resolve("app.db"));
		BackfillDatabases.createItems(dataSource, 500);
		Backfill backfill = Backfill.builder("bump")
			.table("items")
			.key("id")
			.set("counter = counter + 1")
			.batchSize(BatchSizeBounds.fixed(50))
			.build();
		List<BatchReport> first = new CopyOnWriteArrayList<>();
		Migrator[] migrator = new Migrator[1];
		migrator[0] = BackfillDatabases.upgradedMigrator(dataSource, backfill,
				(builder) -> builder.backfillListener(new BackfillListener() {
					@Override
					public void batchDone(BatchReport report) {
						first.add(report);
						if (first.size() == 3) {
							// An operator's pause, seen by the worker before its next
							// batch.
							migrator[0].backfills().pause("bump");
						}
					}
				}));

		assertThat(migrator[0].backfills().run("bump").state()).isEqualTo(BackfillState.PAUSED);
		assertThat(first).hasSize(3);
		BackfillStatus paused = migrator[0].backfills().status("bump");
		assertThat(paused.lastKey()).contains("150");
		assertThat(paused.rowsDone()).isEqualTo(150);
		assertThat(paused.estimatedTotal()).hasValue(500);
		assertThat(paused.percent()).hasValue(30.0);
		assertThat(BackfillDatabases.string(dataSource, "SELECT last_key FROM migrator_backfill"))
			.isEqualTo("[\"150\"]");

		List<BatchReport> second = new CopyOnWriteArrayList<>();
		Migrator fresh = BackfillDatabases.migrator(dataSource, backfill,
				(builder) -> builder.backfillListener(new BackfillListener() {
					@Override
					public void batchDone(BatchReport report) {
						second.add(report);
					}
				}));
		assertThat(fresh.backfills().run("bump").state()).as("paused stays paused").isEqualTo(BackfillState.PAUSED);
		fresh.backfills().resume("bump");
		assertThat(fresh.backfills().run("bump").state()).isEqualTo(BackfillState.DONE);

		assertThat(second.get(0).lastKey()).as("the first batch after the stored key 150").isEqualTo("200");
		assertThat(second).hasSize(7);
		assertThat(BackfillDatabases.count(dataSource, "SELECT count(*) FROM items WHERE counter <> 1")).isZero();
		BackfillStatus done = fresh.backfills().status("bump");
		assertThat(done.rowsDone()).isEqualTo(500);
		assertThat(done.percent()).hasValue(100.0);
	}

	@Test
	void aCompositeTextKeyWithAPredicateWalksEveryMatchingRowOnce() throws Exception {
		DataSource dataSource = TestDataSources.sqliteFile(this.temp.resolve("app.db"));
		BackfillDatabases.execute(dataSource, "CREATE TABLE accounts (region text NOT NULL, code text NOT NULL, "
				+ "status text, PRIMARY KEY (region, code))");
		BackfillDatabases.execute(dataSource, "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE "
				+ "i < 300) INSERT INTO accounts SELECT CASE i % 3 WHEN 0 THEN 'eu' WHEN 1 THEN 'us' ELSE 'ap' END, "
				+ "'c' || i, CASE WHEN i % 10 = 0 THEN 'closed' END FROM n");
		Backfill backfill = Backfill.builder("activate")
			.table("accounts")
			.key("region", "code")
			.set("status = 'active'")
			.where("status IS NULL")
			.batchSize(BatchSizeBounds.fixed(40))
			.build();
		Migrator migrator = BackfillDatabases.upgradedMigrator(dataSource, backfill, (builder) -> {
		});

		BackfillStatus status = migrator.backfills().run("activate");

		assertThat(status.state()).isEqualTo(BackfillState.DONE);
		assertThat(status.rowsDone()).isEqualTo(270);
		assertThat(status.rowsScanned()).isEqualTo(300);
		assertThat(status.lastKey()).contains("(us, c97)");
		assertThat(BackfillDatabases.count(dataSource, "SELECT count(*) FROM accounts WHERE status = 'active'"))
			.isEqualTo(270);
		assertThat(BackfillDatabases.count(dataSource, "SELECT count(*) FROM accounts WHERE status = 'closed'"))
			.isEqualTo(30);
	}

	@Test
	void sqliteHasNoReplicas() {
		DataSource dataSource = TestDataSources.sqliteFile(this.temp.resolve("app.db"));
		List<ReplicaLag> lags = BackfillDatabases
			.migrator(dataSource, Backfill.builder("x").table("t").key("id").set("a = 1").build(), (builder) -> {
			})
			.replicaLag();
		assertThat(lags).isEmpty();
	}

}

package dev.migrator.core.backfill;

import dev.migrator.core.Migrator;
import dev.migrator.core.config.MigratorConfig;
import dev.migrator.core.error.MigratorException;
import dev.migrator.core.command.CheckFailedException;
import dev.migrator.core.command.RunResult;
import dev.migrator.core.script.Backfill;
import dev.migrator.testsupport.TestDataSources;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The backfill commands of the facade: run, pause, resume, cancel, status, and backfills
 * run by upgrade.
 */
class BackfillCommandsTests {

	@TempDir
	Path temp;

	private final List<String> transitions = new CopyOnWriteArrayList<>();

	@Test
	void upgradeRunsABackfillRightAfterItsRevisionWhenConfiguredSoALaterRevisionCanRelyOnIt() throws Exception {
		DataSource dataSource = TestDataSources.freshPostgres();
		Migrator migrator = Migrator.create(config(dataSource, revisions()).runBackfillsOnUpgrade(true).build());

		RunResult result = migrator.upgrade("heads");

		assertThat(result.steps()).extracting((step) -> step.revision())
			.containsExactly("0001_items", "0002_status", "0003_status_not_null");
		assertThat(migrator.current()).containsExactly("0003_status_not_null");
		assertThat(BackfillDatabases.count(dataSource, "SELECT count(*) FROM items WHERE status = 'active'"))
			.isEqualTo(90);
		assertThat(migrator.backfills().status()).singleElement().satisfies((status) -> {
			assertThat(status.name()).isEqualTo("items_status");
			assertThat(status.revision()).isEqualTo("0002_status");
			assertThat(status.state()).isEqualTo(BackfillState.DONE);
			assertThat(status.rowsDone()).isEqualTo(90);
			assertThat(status.rowsScanned()).isEqualTo(100);
		});
		assertThat(this.transitions).containsExactly("items_status pending->running", "items_status running->done");
	}

	@Test
	void upgradeFinishesABackfillLeftPendingEarlierBeforeItAppliesTheRevisionsAfterIt() throws Exception {
		DataSource dataSource = TestDataSources.freshPostgres();
		String location = revisions();
		Migrator.create(config(dataSource, location).build()).upgrade("0002_status");
		assertThat(BackfillDatabases.count(dataSource, "SELECT count(*) FROM items WHERE status IS NULL"))
			.isEqualTo(90);

		Migrator migrator = Migrator.create(config(dataSource, location).runBackfillsOnUpgrade(true).build());
		RunResult result = migrator.upgrade("heads");

		assertThat(result.steps()).extracting((step) -> step.revision()).containsExactly("0003_status_not_null");
		assertThat(migrator.backfills().status("items_status").state()).isEqualTo(BackfillState.DONE);
	}

	@Test
	void withRunOnUpgradeOffUpgradeStopsBeforeTheFirstRevisionThatNeedsTheBackfill() throws Exception {
		DataSource dataSource = TestDataSources.freshPostgres();
		Migrator migrator = Migrator.create(config(dataSource, revisions()).build());
		assertThat(migrator.backfills().status()).singleElement()
			.satisfies((status) -> assertThat(status.revisionApplied()).isFalse());
		assertThatExceptionOfType(MigratorException.class).isThrownBy(() -> migrator.backfills().run("items_status"))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo("backfill-revision-not-applied"))
			.withMessageContaining("0002_status")
			.withMessageContaining("Run upgrade first");

		RunResult stopped = migrator.upgrade("heads");

		assertThat(stopped.steps()).extracting((step) -> step.revision()).containsExactly("0001_items", "0002_status");
		assertThat(stopped.after()).containsExactly("0002_status");
		assertThat(stopped.isWaitingForBackfill()).isTrue();
		assertThat(stopped.waitingFor()).singleElement().satisfies((status) -> {
			assertThat(status.name()).isEqualTo("items_status");
			assertThat(status.state()).isEqualTo(BackfillState.PENDING);
		});
		assertThat(migrator.current()).as("the contract that needs the data is not applied")
			.containsExactly("0002_status");
		assertThat(BackfillDatabases.count(dataSource, "SELECT count(*) FROM items WHERE status IS NULL"))
			.isEqualTo(90);

		assertThat(migrator.upgrade("heads").waitingFor()).as("asking again changes nothing").hasSize(1);
		assertThat(migrator.backfills().runPending()).singleElement()
			.satisfies((status) -> assertThat(status.state()).isEqualTo(BackfillState.DONE));
		RunResult finished = migrator.upgrade("heads");
		assertThat(finished.isWaitingForBackfill()).isFalse();
		assertThat(migrator.current()).containsExactly("0003_status_not_null");
	}

	@Test
	void checkTheStatusAndTheOfflineScriptNameTheBackfillTheRevisionsAfterItWaitFor() throws Exception {
		DataSource dataSource = TestDataSources.freshPostgres();
		Migrator migrator = Migrator.create(config(dataSource, revisions()).build());
		migrator.upgrade("heads");

		assertThat(migrator.status().unfinishedBackfills()).extracting(BackfillStatus::name)
			.containsExactly("items_status");
		assertThatExceptionOfType(CheckFailedException.class).isThrownBy(migrator::check)
			.withMessageContaining("1 revision(s) pending: 0003_status_not_null")
			.withMessageContaining("Backfill items_status (declared by 0002_status) is pending")
			.withMessageContaining("migrator.job.command=backfill");
		assertThat(migrator.sql("base", "heads")).containsSubsequence("-- upgrade 0002_status",
				"-- BACKFILL items_status (declared by 0002_status) must run to completion here",
				"migrator.job.command=backfill", "-- upgrade 0003_status_not_null");

		migrator.backfills().runPending();
		migrator.upgrade("heads");
		assertThat(migrator.check().unfinishedBackfills()).isEmpty();
	}

	@Test
	void aPausedBackfillHoldsBackTheRevisionsAfterItEvenWhenUpgradeRunsBackfills() throws Exception {
		DataSource dataSource = TestDataSources.freshPostgres();
		String location = revisions();
		Migrator job = Migrator.create(config(dataSource, location).build());
		job.upgrade("0002_status");
		job.backfills().pause("items_status");

		Migrator upgrading = Migrator.create(config(dataSource, location).runBackfillsOnUpgrade(true).build());
		RunResult result = upgrading.upgrade("heads");

		assertThat(result.steps()).isEmpty();
		assertThat(result.waitingFor()).singleElement()
			.satisfies((status) -> assertThat(status.state()).isEqualTo(BackfillState.PAUSED));
		assertThat(upgrading.current()).containsExactly("0002_status");
		upgrading.backfills().resume("items_status");
		assertThat(upgrading.upgrade("heads").isWaitingForBackfill()).isFalse();
		assertThat(upgrading.current()).containsExactly("0003_status_not_null");
		assertThat(BackfillDatabases.count(dataSource, "SELECT count(*) FROM items WHERE status = 'active'"))
			.isEqualTo(90);
	}

	@Test
	void aDowngradeDiscardsTheBackfillSoThatUpgradingAgainRunsItAgain() throws Exception {
		DataSource dataSource = TestDataSources.freshPostgres();
		Migrator migrator = Migrator.create(config(dataSource, revisions()).runBackfillsOnUpgrade(true).build());
		migrator.upgrade("heads");
		assertThat(migrator.backfills().status("items_status").state()).isEqualTo(BackfillState.DONE);

		migrator.downgrade("0001_items");
		BackfillDatabases.execute(dataSource, "UPDATE items SET status = NULL WHERE id % 10 <> 0");
		assertThat(migrator.backfills().status("items_status").state()).as("forgotten with its revision")
			.isEqualTo(BackfillState.PENDING);

		migrator.upgrade("heads");

		assertThat(migrator.current()).containsExactly("0003_status_not_null");
		assertThat(BackfillDatabases.count(dataSource, "SELECT count(*) FROM items WHERE status = 'active'"))
			.as("every row copied again before the contract ran")
			.isEqualTo(90);
		assertThat(this.transitions).containsExactly("items_status pending->running", "items_status running->done",
				"items_status pending->running", "items_status running->done");
	}

	@Test
	void pauseResumeAndCancelChangeTheStoredStateAndRefuseWhatMakesNoSense() throws Exception {
		DataSource dataSource = TestDataSources.freshPostgres();
		Migrator migrator = Migrator.create(config(dataSource, revisions()).build());
		migrator.upgrade("0002_status");
		Backfills backfills = new Backfills(migrator);

		assertThat(backfills.pause().state()).isEqualTo(BackfillState.PAUSED);
		assertThat(backfills.pause().state()).as("pausing twice changes nothing").isEqualTo(BackfillState.PAUSED);
		assertThat(migrator.backfills().runPending()).singleElement()
			.satisfies((status) -> assertThat(status.state()).isEqualTo(BackfillState.PAUSED));
		assertThat(BackfillDatabases.count(dataSource, "SELECT count(*) FROM items WHERE status IS NULL"))
			.isEqualTo(90);
		assertThat(backfills.cancel().state()).isEqualTo(BackfillState.CANCELLED);
		assertThat(backfills.resume().state()).isEqualTo(BackfillState.PENDING);
		assertThat(migrator.backfills().run("items_status").state()).isEqualTo(BackfillState.DONE);

		assertThatExceptionOfType(MigratorException.class).isThrownBy(backfills::pause)
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo("backfill-state"))
			.withMessage("Backfill items_status is done: only a pending or running backfill can be paused.");
		assertThatExceptionOfType(MigratorException.class).isThrownBy(backfills::cancel)
			.withMessageContaining("is done");
		assertThat(this.transitions).containsExactly("items_status pending->paused", "items_status paused->cancelled",
				"items_status cancelled->pending", "items_status pending->running", "items_status running->done");
	}

	@Test
	void anUnknownBackfillNameIsAnErrorListingTheKnownOnes() throws Exception {
		DataSource dataSource = TestDataSources.freshPostgres();
		Migrator migrator = Migrator.create(config(dataSource, revisions()).build());
		assertThatExceptionOfType(MigratorException.class).isThrownBy(() -> migrator.backfills().pause("item_status"))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo("unknown-backfill"))
			.withMessage("No revision declares a backfill named 'item_status'. Known backfills: items_status.");
		assertThat(migrator.backfills().declared()).extracting(Backfill::name).containsExactly("items_status");
	}

	private String revisions() throws Exception {
		Path folder = Files.createDirectories(this.temp.resolve("revisions"));
		Files.writeString(folder.resolve("0001_items.sql"), """
				-- migrator:revision 0001_items
				-- migrator:upgrade
				CREATE TABLE items (id bigint PRIMARY KEY, status varchar(20));
				INSERT INTO items SELECT g, CASE WHEN g % 10 = 0 THEN 'closed' END FROM generate_series(1, 100) g;
				""");
		Files.writeString(folder.resolve("0002_status.sql"), """
				-- migrator:revision 0002_status
				-- migrator:revises 0001_items
				-- migrator:phase migrate
				-- migrator:backfill items_status
				-- migrator:backfill-table items
				-- migrator:backfill-key id
				-- migrator:backfill-set status = 'active'
				-- migrator:backfill-where status IS NULL
				-- migrator:backfill-batch-size 10-40
				-- migrator:backfill-pause 0ms
				-- migrator:upgrade
				SELECT 1;
				-- migrator:downgrade
				SELECT 1;
				""");
		Files.writeString(folder.resolve("0003_status_not_null.sql"), """
				-- migrator:revision 0003_status_not_null
				-- migrator:revises 0002_status
				-- migrator:phase contract
				-- migrator:upgrade
				ALTER TABLE items ALTER COLUMN status SET NOT NULL;
				-- migrator:downgrade
				ALTER TABLE items ALTER COLUMN status DROP NOT NULL;
				""");
		return "filesystem:" + folder.toAbsolutePath();
	}

	private MigratorConfig.Builder config(DataSource dataSource, String location) {
		// Backfills left to their own job unless a test turns them on for upgrade.
		return MigratorConfig.builder()
			.dataSource(dataSource)
			.locations(location)
			.runBackfillsOnUpgrade(false)
			.backfillListener(new BackfillListener() {
				@Override
				public void stateChanged(String backfill, BackfillState from, BackfillState to) {
					BackfillCommandsTests.this.transitions.add(backfill + " " + from.label() + "->" + to.label());
				}
			});
	}

	/** The three commands on the one backfill of these revisions. */
	private record Backfills(Migrator migrator) {

		BackfillStatus pause() {
			return this.migrator.backfills().pause("items_status");
		}

		BackfillStatus resume() {
			return this.migrator.backfills().resume("items_status");
		}

		BackfillStatus cancel() {
			return this.migrator.backfills().cancel("items_status");
		}

	}

}

package dev.migrator.core;

import dev.migrator.core.command.AppliedRevision;
import dev.migrator.core.command.CheckFailedException;
import dev.migrator.core.command.ChecksumMismatchException;
import dev.migrator.core.command.MigrationStatus;
import dev.migrator.core.command.RunResult;
import dev.migrator.core.config.ChecksumPolicy;
import dev.migrator.core.config.MigratorConfig;
import dev.migrator.core.error.MigratorException;
import dev.migrator.core.runtime.MigrationFailedException;
import dev.migrator.core.script.Direction;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What every dialect must do the same way; each dialect's test class runs these on its
 * real database.
 */
abstract class MigratorContract extends RevisionFolderContract {

	List<String> userTables() throws Exception {
		return Databases.tables(this.dataSource).stream().filter((t) -> !t.startsWith("migrator_")).toList();
	}

	@Test
	void upgradeDowngradeToBaseAndUpgradeAgain() throws Exception {
		this.folder.table("0001_users", null, "users")
			.table("0002_orders", "0001_users", "orders")
			.table("0003_items", "0002_orders", "items");
		RunResult up = migrator().upgrade("heads");
		assertThat(up.steps()).extracting((s) -> s.revision())
			.containsExactly("0001_users", "0002_orders", "0003_items");
		assertThat(userTables()).containsExactly("items", "orders", "users");
		assertThat(migrator().current()).containsExactly("0003_items");
		assertThat(migrator().pending()).isEmpty();

		RunResult down = migrator().downgrade("base");
		assertThat(down.direction()).isEqualTo(Direction.DOWNGRADE);
		assertThat(down.steps()).extracting((s) -> s.revision())
			.containsExactly("0003_items", "0002_orders", "0001_users");
		assertThat(userTables()).isEmpty();
		assertThat(migrator().current()).isEmpty();

		migrator().upgrade("head");
		assertThat(userTables()).containsExactly("items", "orders", "users");
		assertThat(Databases.count(this.dataSource,
				"SELECT count(*) FROM migrator_history WHERE outcome = 'success' AND direction = 'upgrade'"))
			.isEqualTo(6);
		assertThat(Databases.count(this.dataSource,
				"SELECT count(*) FROM migrator_history WHERE outcome = 'success' AND direction = 'downgrade'"))
			.isEqualTo(3);
	}

	@Test
	void appliedListsEveryAppliedRevisionParentsFirstWithWhenByWhomAndHowLong() throws Exception {
		this.folder.table("0001_users", null, "users")
			.table("0002_orders", "0001_users", "orders")
			.table("0003_items", "0002_orders", "items");
		assertThat(migrator().applied()).as("at base").isEmpty();
		Instant before = Instant.now().minusSeconds(1);
		migrator().upgrade("heads");

		List<AppliedRevision> applied = migrator().applied();

		assertThat(applied).extracting(AppliedRevision::id).containsExactly("0001_users", "0002_orders", "0003_items");
		assertThat(applied).allSatisfy((revision) -> {
			assertThat(revision.installedOn()).hasValueSatisfying((on) -> assertThat(on).isAfter(before));
			assertThat(revision.installedBy()).hasValueSatisfying((by) -> assertThat(by).isNotBlank());
			assertThat(revision.duration()).hasValueSatisfying((d) -> assertThat(d.isNegative()).isFalse());
			assertThat(revision.stamped()).isFalse();
		});

		migrator().downgrade("0001_users");
		assertThat(migrator().applied()).extracting(AppliedRevision::id).containsExactly("0001_users");
		migrator().stamp("heads");
		List<AppliedRevision> stamped = migrator().applied();
		assertThat(stamped).extracting(AppliedRevision::id, AppliedRevision::stamped)
			.containsExactly(tuple("0001_users", false), tuple("0002_orders", false), tuple("0003_items", true));
		assertThat(stamped.get(1).installedOn())
			.as("its upgrade was undone, and the stamp recorded only its target: no installation to show")
			.isEmpty();
	}

	@Test
	void aSecondUpgradeHasNothingToDo() throws Exception {
		this.folder.table("0001_users", null, "users");
		migrator().upgrade("heads");
		assertThat(migrator().upgrade("heads").isNoOp()).isTrue();
		assertThat(Databases.count(this.dataSource, "SELECT count(*) FROM migrator_history")).isEqualTo(1);
	}

	@Test
	void relativeTargetsMoveStepByStep() throws Exception {
		this.folder.table("0001_users", null, "users")
			.table("0002_orders", "0001_users", "orders")
			.table("0003_items", "0002_orders", "items");
		migrator().upgrade("+2");
		assertThat(migrator().current()).containsExactly("0002_orders");
		migrator().upgrade("+1");
		assertThat(migrator().current()).containsExactly("0003_items");
		migrator().downgrade("-2");
		assertThat(migrator().current()).containsExactly("0001_users");
		migrator().upgrade("0001_users+2");
		assertThat(migrator().current()).containsExactly("0003_items");
		migrator().downgrade("0003-1");
		assertThat(userTables()).containsExactly("orders", "users");
		migrator().downgrade("-1");
		assertThat(userTables()).containsExactly("users");
	}

	@Test
	void downgradeToARevisionKeepsTheRevisionsOfOtherBranchesThatOnlyDependOnIt() throws Exception {
		this.folder.table("0001_a", null, "a")
			.file("0002_b.sql",
					"-- migrator:revision 0002_b\n-- migrator:revises 0001_a\n-- migrator:upgrade\nCREATE TABLE b (id integer);\n-- migrator:downgrade\nDROP TABLE b;\n")
			.file("r1_reports.sql",
					"-- migrator:revision r1_reports\n-- migrator:branch-labels reports\n-- migrator:depends-on 0001_a\n-- migrator:upgrade\nCREATE TABLE reports (id integer);\n-- migrator:downgrade\nDROP TABLE reports;\n");
		migrator().upgrade("heads");

		RunResult down = migrator().downgrade("0001_a");

		assertThat(down.steps()).extracting((step) -> step.revision()).containsExactly("0002_b");
		assertThat(userTables()).containsExactly("a", "reports");
		assertThat(migrator().current()).containsExactlyInAnyOrder("0001_a", "r1_reports");
	}

	@Test
	void branchesMergesLabelsAndDependencies() throws Exception {
		this.folder.table("0001_core", null, "core")
			.file("0002_a.sql",
					"-- migrator:revision 0002_a\n-- migrator:revises 0001_core\n-- migrator:upgrade\nCREATE TABLE a (id integer);\n-- migrator:downgrade\nDROP TABLE a;\n")
			.file("0002_b.sql",
					"-- migrator:revision 0002_b\n-- migrator:revises 0001_core\n-- migrator:upgrade\nCREATE TABLE b (id integer);\n-- migrator:downgrade\nDROP TABLE b;\n")
			.file("0003_merge.sql",
					"-- migrator:revision 0003_merge\n-- migrator:revises 0002_a, 0002_b\n-- migrator:message merge\n-- migrator:upgrade\nCREATE TABLE merged (id integer);\n-- migrator:downgrade\nDROP TABLE merged;\n")
			.file("b1_billing.sql",
					"-- migrator:revision b1_billing\n-- migrator:branch-labels billing\n-- migrator:upgrade\nCREATE TABLE invoices (id integer);\n-- migrator:downgrade\nDROP TABLE invoices;\n")
			.file("b2_billing.sql",
					"-- migrator:revision b2_billing\n-- migrator:revises b1_billing\n-- migrator:depends-on 0002_b\n-- migrator:upgrade\nCREATE TABLE payments (id integer);\n-- migrator:downgrade\nDROP TABLE payments;\n");

		migrator().upgrade("billing@head");
		assertThat(userTables()).containsExactly("b", "core", "invoices", "payments");
		assertThat(migrator().current()).containsExactlyInAnyOrder("0002_b", "b2_billing");

		migrator().upgrade("0002_a");
		assertThat(migrator().current()).containsExactlyInAnyOrder("0002_a", "0002_b", "b2_billing");

		migrator().upgrade("heads");
		assertThat(migrator().current()).containsExactlyInAnyOrder("0003_merge", "b2_billing");
		assertThat(migrator().heads()).extracting((r) -> r.id()).containsExactly("0003_merge", "b2_billing");

		migrator().downgrade("0002_b");
		assertThat(userTables()).as("b2_billing depends on 0002_b only, which stays applied")
			.containsExactly("a", "b", "core", "invoices", "payments");
		assertThat(migrator().current()).containsExactlyInAnyOrder("0002_a", "0002_b", "b2_billing");

		migrator().downgrade("0001_core");
		assertThat(userTables()).as("0002_b is undone, so b2_billing that needs it is undone first")
			.containsExactly("core", "invoices");
		assertThat(migrator().current()).containsExactlyInAnyOrder("0001_core", "b1_billing");

		migrator().downgrade("base");
		assertThat(userTables()).isEmpty();
		assertThat(migrator().current()).isEmpty();
	}

	@Test
	void aVacuumInATransactionalRevisionRunsBetweenItsTransactions() throws Exception {
		this.folder.file("0001_vacuumed.sql",
				"-- migrator:revision 0001_vacuumed\n-- migrator:upgrade\n"
						+ "CREATE TABLE vacuumed (id integer);\nVACUUM;\nINSERT INTO vacuumed VALUES (1);\n"
						+ "-- migrator:downgrade\nDROP TABLE vacuumed;\n");
		migrator().upgrade("heads");
		assertThat(migrator().current()).containsExactly("0001_vacuumed");
		assertThat(Databases.count(this.dataSource, "SELECT count(*) FROM vacuumed")).isEqualTo(1);
	}

	@Test
	void aFailingStatementRollsBackTheWholeRevision() throws Exception {
		this.folder.table("0001_users", null, "users")
			.file("0002_broken.sql",
					"-- migrator:revision 0002_broken\n-- migrator:revises 0001_users\n"
							+ "-- migrator:upgrade\nCREATE TABLE half (id integer);\nINSERT INTO half VALUES (1);\n"
							+ "INSERT INTO no_such_table VALUES (1);\n-- migrator:downgrade\nDROP TABLE half;\n");
		assertThatThrownBy(() -> migrator().upgrade("heads")).isInstanceOf(MigrationFailedException.class)
			.hasMessageContaining("Upgrade of revision 0002_broken")
			.hasMessageContaining("0002_broken.sql")
			.hasMessageContaining("at line 6: INSERT INTO no_such_table VALUES (1)")
			.hasMessageContaining("no_such_table")
			.hasMessageContaining("rolled back as a whole")
			.hasMessageContaining("still at 0001_users");
		assertThat(userTables()).containsExactly("users");
		assertThat(migrator().current()).containsExactly("0001_users");
		assertThat(Databases.strings(this.dataSource,
				"SELECT outcome FROM migrator_history WHERE revision = '0002_broken' ORDER BY id"))
			.containsExactly("failed");
	}

	@Test
	void stampRecordsATargetWithoutRunningIt() throws Exception {
		this.folder.table("0001_users", null, "users").table("0002_orders", "0001_users", "orders");
		assertThat(migrator().stamp("heads")).containsExactly("0002_orders");
		assertThat(userTables()).isEmpty();
		assertThat(migrator().current()).containsExactly("0002_orders");
		assertThat(migrator().pending()).isEmpty();
		migrator().stamp("base");
		assertThat(migrator().current()).isEmpty();
		assertThat(Databases.strings(this.dataSource, "SELECT direction FROM migrator_history ORDER BY id"))
			.containsExactly("stamp", "stamp");
	}

	@Test
	void anEditedAppliedRevisionIsCaught() throws Exception {
		this.folder.table("0001_users", null, "users");
		migrator().upgrade("heads");
		this.folder.file("0001_users.sql", "-- migrator:revision 0001_users\n-- migrator:upgrade\n"
				+ "CREATE TABLE users (id integer PRIMARY KEY, name varchar(200));\n-- migrator:downgrade\nDROP TABLE users;\n");
		this.folder.table("0002_orders", "0001_users", "orders");
		assertThatThrownBy(() -> migrator().upgrade("heads")).isInstanceOf(ChecksumMismatchException.class)
			.hasMessageContaining("0001_users (" + this.folder.location())
			.hasMessageContaining("edited after being applied")
			.hasMessageContaining("Nothing was run");
		assertThat(userTables()).containsExactly("users");
		assertThatThrownBy(() -> migrator().check()).isInstanceOf(CheckFailedException.class)
			.hasMessageContaining("1 revision(s) pending: 0002_orders")
			.hasMessageContaining("0001_users");
		RunResult warned = migrator(MigratorConfig.builder().checksumPolicy(ChecksumPolicy.WARN)).upgrade("heads");
		assertThat(warned.steps()).hasSize(1);
	}

	@Test
	void checkPassesWhenUpToDateAndFailsWhenPending() throws Exception {
		this.folder.table("0001_users", null, "users");
		assertThatThrownBy(() -> migrator().check()).isInstanceOf(CheckFailedException.class)
			.hasMessageContaining("0001_users")
			.hasMessageContaining("Run upgrade");
		migrator().upgrade("heads");
		MigrationStatus status = migrator().check();
		assertThat(status.isUpToDate()).isTrue();
		assertThat(status.current()).containsExactly("0001_users");
		assertThat(status.recentHistory()).hasSize(1);
		assertThat(status.recentHistory().get(0).duration()).isGreaterThanOrEqualTo(java.time.Duration.ZERO);
	}

	@Test
	void checkFailsOnHeadsNoBranchLabelKeepsApartEvenWhenApplied() throws Exception {
		this.folder.table("0001_users", null, "users")
			.table("0002_orders", "0001_users", "orders")
			.table("0002_emails", "0001_users", "emails");
		migrator().upgrade("heads");
		assertThatThrownBy(() -> migrator().check()).isInstanceOf(CheckFailedException.class)
			.hasMessageContaining("2 heads that no branch label or depends-on keeps apart: 0002_emails, 0002_orders")
			.hasMessageContaining("merge them")
			.hasMessageContaining("mvn migrator:merge")
			.hasMessageContaining("-Dmigrator.heads=0002_emails,0002_orders");
	}

	@Test
	void checkPassesOnHeadsOfIndependentLabelledBranches() throws Exception {
		this.folder.table("0001_users", null, "users")
			.file("0001_audit.sql", "-- migrator:revision 0001_audit\n-- migrator:branch-labels audit\n"
					+ "-- migrator:upgrade\nCREATE TABLE audit (id integer PRIMARY KEY);\n");
		migrator().upgrade("heads");
		assertThat(migrator().check().heads()).hasSize(2);
	}

	@Test
	void readOnlyCommandsCreateNothing() throws Exception {
		this.folder.table("0001_users", null, "users");
		assertThat(migrator().current()).isEmpty();
		assertThat(migrator().pending()).hasSize(1);
		assertThat(migrator().status().pending()).hasSize(1);
		assertThat(Databases.tables(this.dataSource)).isEmpty();
	}

	@Test
	void aJavaMigrationRunsInTheRevisionsTransaction() throws Exception {
		this.folder.table("0001_users", null, "users");
		Migrator migrator = Migrator.create(MigratorConfig.builder()
			.dataSource(this.dataSource)
			.locations(this.folder.location())
			.javaMigrations(new SeedUsers())
			.build());
		migrator.upgrade("heads");
		assertThat(Databases.count(this.dataSource, "SELECT count(*) FROM users")).isEqualTo(2);
		migrator.downgrade("0001_users");
		assertThat(Databases.count(this.dataSource, "SELECT count(*) FROM users")).isZero();
	}

	@Test
	void twoRunnersStartedTogetherApplyEachRevisionOnce() throws Exception {
		this.folder.file("0001_log.sql",
				"-- migrator:revision 0001_log\n-- migrator:upgrade\nCREATE TABLE applied (revision varchar(20));\n");
		String previous = "0001_log";
		for (int i = 2; i <= 6; i++) {
			String id = "000" + i + "_step";
			this.folder.file(id + ".sql",
					"-- migrator:revision " + id + "\n-- migrator:revises " + previous
							+ "\n-- migrator:upgrade\nCREATE TABLE t" + i
							+ " (id integer);\nINSERT INTO applied VALUES ('" + id + "');\n");
			previous = id;
		}
		int runners = 4;
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(runners);
		try {
			List<Future<RunResult>> results = new ArrayList<>();
			for (int i = 0; i < runners; i++) {
				Callable<RunResult> task = () -> {
					start.await();
					return migrator().upgrade("heads");
				};
				results.add(pool.submit(task));
			}
			start.countDown();
			int applied = 0;
			for (Future<RunResult> result : results) {
				applied += result.get().steps().size();
			}
			assertThat(applied).isEqualTo(6);
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(Databases.count(this.dataSource, "SELECT count(*) FROM applied")).isEqualTo(5);
		assertThat(Databases.count(this.dataSource, "SELECT count(DISTINCT revision) FROM applied")).isEqualTo(5);
		assertThat(migrator().current()).containsExactly("0006_step");
	}

	@Test
	void historyListsRevisionsInOrder() {
		this.folder.table("0001_users", null, "users").table("0002_orders", "0001_users", "orders");
		assertThat(migrator().history("")).extracting((r) -> r.id()).containsExactly("0001_users", "0002_orders");
		assertThat(migrator().history("base:current")).isEmpty();
	}

	@Test
	void aCustomVersionTableIsUsed() throws Exception {
		this.folder.table("0001_users", null, "users");
		Migrator custom = migrator(
				MigratorConfig.builder().versionTable("schema_version").historyTable("schema_history"));
		custom.upgrade("heads");
		assertThat(Databases.strings(this.dataSource, "SELECT version_num FROM schema_version"))
			.containsExactly("0001_users");
		assertThat(Databases.count(this.dataSource, "SELECT count(*) FROM schema_history")).isEqualTo(1);
		assertThat(migrator().current()).isEmpty();
	}

	@Test
	void offlineScriptsNeedNoDatabase() {
		this.folder.table("0001_users", null, "users").table("0002_orders", "0001_users", "orders");
		Migrator offline = Migrator
			.create(MigratorConfig.builder().locations(this.folder.location()).dialect(dialectName()).build());
		String up = offline.sql("base", "heads");
		assertThat(up).contains("CREATE TABLE users (id integer PRIMARY KEY, name varchar(100));")
			.contains("INSERT INTO \"migrator_version\" (version_num) VALUES ('0001_users');")
			.contains("DELETE FROM \"migrator_version\" WHERE version_num = '0001_users';")
			.contains("INSERT INTO \"migrator_version\" (version_num) VALUES ('0002_orders');")
			.contains("-- upgrade 0002_orders: create orders");
		assertThat(up.indexOf("CREATE TABLE users")).isLessThan(up.indexOf("CREATE TABLE orders"));
		String down = offline.sql("heads", "0001_users");
		assertThat(down).contains("DROP TABLE orders;").doesNotContain("DROP TABLE users");
	}

	@Test
	void aDialectPlaceholderInALocationPicksThatDatabasesFolder() throws Exception {
		RevisionFolder mine = new RevisionFolder(this.temp.resolve("per-dialect").resolve(dialectName()));
		mine.table("0001_mine", null, "mine");
		new RevisionFolder(this.temp.resolve("per-dialect").resolve("other")).table("0001_other", null, "other");
		Migrator migrator = Migrator.create(MigratorConfig.builder()
			.dataSource(this.dataSource)
			.locations("filesystem:" + this.temp.resolve("per-dialect") + "/" + Migrator.DIALECT_PLACEHOLDER)
			.build());
		migrator.upgrade("heads");
		assertThat(userTables()).containsExactly("mine");
	}

	@Test
	void aDatabaseAheadOfTheCodeIsReportedByStatusAndRefusedByUpgrade() throws Exception {
		this.folder.table("0001_users", null, "users").table("0002_orders", "0001_users", "orders");
		migrator().upgrade("heads");
		RevisionFolder older = new RevisionFolder(this.temp.resolve("older"));
		older.table("0001_users", null, "users");
		Migrator oldCode = Migrator
			.create(MigratorConfig.builder().dataSource(this.dataSource).locations(older.location()).build());
		MigrationStatus status = oldCode.status();
		assertThat(status.isAheadOfCode()).isTrue();
		assertThat(status.unknownCurrent()).containsExactly("0002_orders");
		assertThat(status.pending()).isEmpty();
		assertThat(oldCode.pending()).isEmpty();
		assertThatThrownBy(oldCode::check).isInstanceOf(CheckFailedException.class)
			.hasMessageContaining("The database is at 0002_orders, which this code does not know");
		assertThatThrownBy(() -> oldCode.upgrade("heads")).isInstanceOf(MigratorException.class)
			.hasMessageContaining("The database is at revision 0002_orders, which this application does not know")
			.extracting((ex) -> ((MigratorException) ex).code())
			.isEqualTo("unknown-database-revision");
		assertThat(userTables()).containsExactly("orders", "users");
	}

	@Test
	void historyReadsTheDatabaseOnlyForTheCurrentKeyword() {
		this.folder.table("0001_recurrent_jobs", null, "jobs");
		Migrator offline = Migrator.create(MigratorConfig.builder().locations(this.folder.location()).build());
		assertThat(offline.history("0001_recurrent_jobs:")).extracting((r) -> r.id())
			.containsExactly("0001_recurrent_jobs");
		assertThatThrownBy(() -> offline.history("base:current")).isInstanceOf(MigratorException.class)
			.hasMessageContaining("no DataSource is configured");
	}

	abstract String dialectName();

}

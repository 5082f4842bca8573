package dev.migrator.sample;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged sample app run as the migration job on its default SQLite file, as a CI
 * step or a Kubernetes Job runs it:
 * {@code java -jar sample-app.jar --spring.profiles.active=migrate}, judged by its exit
 * code, its output and the database file it leaves.
 */
class SqliteMigrationJobIT {

	private static final String JOB = "--spring.profiles.active=migrate";

	@TempDir
	Path workingDirectory;

	private SampleJar sampleJar;

	private SqliteDatabase database;

	@BeforeEach
	void freshWorkingDirectory() {
		this.sampleJar = new SampleJar(this.workingDirectory);
		this.database = new SqliteDatabase(this.workingDirectory);
	}

	@Test
	void upgradeOnAFreshFileAppliesEveryRevisionAndASecondRunAppliesNothing() throws Exception {
		ProcessRun first = this.sampleJar.run(JOB);

		assertThat(first.exitCode()).as(first.output()).isZero();
		assertThat(this.database.versionRows()).containsExactly(Revisions.HEAD);
		assertThat(this.database.history())
			.containsExactlyElementsOf(Revisions.ALL.stream().map((id) -> id + "|upgrade|success").toList());
		assertThat(this.database.columns("users")).containsExactly("id", "email", "created_at", "first_name",
				"last_name", "status");
		assertThat(this.database.tables()).contains("users", "orders");
		// Each revision is logged with its duration.
		assertThat(first.output()).containsPattern("Upgraded 0001_initial \\(users and orders\\) in \\d+ ms")
			.containsPattern("Upgraded 0009_drop_full_name \\(.*\\) in \\d+ ms")
			.contains("Upgraded 9 revision(s)", "base -> " + Revisions.HEAD);

		ProcessRun second = this.sampleJar.run(JOB);

		assertThat(second.exitCode()).as(second.output()).isZero();
		assertThat(second.output()).contains("Nothing to do: the database is at " + Revisions.HEAD);
		assertThat(this.database.history()).hasSize(Revisions.ALL.size());
	}

	@Test
	void upgradeCarriesExistingUsersThroughTheNameSplitAndDowngradeToBaseUndoesEveryRevision() throws Exception {
		ProcessRun initial = this.sampleJar.run(JOB, "--migrator.job.target=" + Revisions.FIRST);
		assertThat(initial.exitCode()).as(initial.output()).isZero();
		// Rows as the application version before the split wrote them.
		this.database.execute("INSERT INTO users (full_name, email) VALUES ('Ada Lovelace', 'ada@example.com'), "
				+ "('Plato', 'plato@example.com'), ('Jean Paul Sartre', 'jps@example.com')");
		this.database.execute("INSERT INTO orders (user_id, total_cents) VALUES (1, 1250), (2, 990)");
		ProcessRun backfill = this.sampleJar.run(JOB, "--migrator.job.target=0003_split_name_backfill");
		assertThat(backfill.exitCode()).as(backfill.output()).isZero();
		// An instance of the old version still runs, and writes full_name only.
		this.database
			.execute("INSERT INTO users (full_name, email) VALUES ('Alan Mathison Turing', 'alan@example.com')");

		ProcessRun upgrade = this.sampleJar.run(JOB);

		assertThat(upgrade.exitCode()).as(upgrade.output()).isZero();
		assertThat(this.database.rows("SELECT first_name, last_name, status FROM users ORDER BY id")).containsExactly(
				"Ada|Lovelace|active", "Plato||active", "Jean|Paul Sartre|active", "Alan|Mathison Turing|active");
		assertThat(this.database.rows("SELECT user_id, total_cents FROM orders ORDER BY id")).containsExactly("1|1250",
				"2|990");

		ProcessRun downgrade = this.sampleJar.run(JOB, "--migrator.job.command=downgrade",
				"--migrator.job.target=base");

		assertThat(downgrade.exitCode()).as(downgrade.output()).isZero();
		assertThat(downgrade.output()).contains("Downgraded 9 revision(s)", Revisions.HEAD + " -> base");
		assertThat(this.database.versionRows()).isEmpty();
		// Only the job's own state is left: versions, history, the clients the guard
		// reads, the backfills' progress and the statements'
		// progress.
		assertThat(this.database.tables()).containsExactlyInAnyOrder("migrator_version", "migrator_history",
				"migrator_clients", "migrator_backfill", "migrator_version_progress");
		List<String> history = this.database.history();
		List<String> undone = new ArrayList<>(Revisions.ALL.stream().map((id) -> id + "|downgrade|success").toList());
		Collections.reverse(undone);
		assertThat(history.subList(history.size() - undone.size(), history.size())).containsExactlyElementsOf(undone);
	}

	@Test
	void ordersOfUsersThatDoNotExistStopTheUpgradeAtTheForeignKeyValidation() throws Exception {
		ProcessRun initial = this.sampleJar.run(JOB, "--migrator.job.target=" + Revisions.FIRST);
		assertThat(initial.exitCode()).as(initial.output()).isZero();
		this.database.execute("INSERT INTO users (full_name, email) VALUES ('Ada Lovelace', 'ada@example.com')");
		this.database.execute("INSERT INTO orders (user_id, total_cents) VALUES (1, 1250), (42, 990)");

		ProcessRun upgrade = this.sampleJar.run(JOB);

		assertThat(upgrade.exitCode()).as(upgrade.output()).isEqualTo(1);
		assertThat(upgrade.output()).contains("Upgrade of revision 0007_validate_orders_user_fk",
				"CHECK constraint failed: orphans = 0");
		assertThat(this.database.versionRows()).containsExactly("0006_orders_user_fk");
	}

	@Test
	void failingRevisionExitsNonZeroAndNamesTheRevisionAndItsFile() throws Exception {
		Path revisions = Files.createDirectories(this.workingDirectory.resolve("revisions"));
		Files.writeString(revisions.resolve("0001_accounts.sql"), """
				-- migrator:revision 0001_accounts
				-- migrator:upgrade
				CREATE TABLE accounts (id integer PRIMARY KEY);
				-- migrator:downgrade
				DROP TABLE accounts;
				""");
		Files.writeString(revisions.resolve("0002_accounts_owner.sql"), """
				-- migrator:revision 0002_accounts_owner
				-- migrator:revises 0001_accounts
				-- migrator:upgrade
				CREATE TABLE owners (id integer PRIMARY KEY);
				ALTER TABLE accounts ADD COLUMN owner_id integer REFERENCES owners (id);
				UPDATE acounts SET owner_id = 1;
				-- migrator:downgrade
				ALTER TABLE accounts DROP COLUMN owner_id;
				DROP TABLE owners;
				""");

		ProcessRun run = this.sampleJar.run(JOB, "--migrator.locations=filesystem:" + revisions);

		assertThat(run.exitCode()).as(run.output()).isNotZero();
		String file = "filesystem:" + revisions.resolve("0002_accounts_owner.sql");
		assertThat(run.output())
			.contains("Upgrade of revision 0002_accounts_owner (" + file + ":1) failed at line 6: UPDATE acounts")
			.contains("no such table: acounts")
			.contains("Migration job: upgrade failed at revision 0002_accounts_owner");
		// The folder replaced the application's revisions; the failed one was rolled back
		// as a whole.
		assertThat(this.database.versionRows()).containsExactly("0001_accounts");
		assertThat(this.database.tables()).contains("accounts").doesNotContain("owners", "users");
		assertThat(this.database.history()).containsExactly("0001_accounts|upgrade|success",
				"0002_accounts_owner|upgrade|failed");
	}

	@Test
	void checkOnAFreshDatabaseExitsTwoAndWritesNothing() throws Exception {
		ProcessRun check = this.sampleJar.run(JOB, "--migrator.job.command=check");

		assertThat(check.exitCode()).as(check.output()).isEqualTo(2);
		assertThat(check.output()).contains("9 revision(s) pending: 0001_initial, 0002_split_name_expand");
		assertThat(this.database.tables()).isEmpty();
	}

	@Test
	void sqlPrintsTheWholeUpgradeScriptAndWritesNothing() throws Exception {
		ProcessRun sql = this.sampleJar.run(JOB, "--migrator.job.command=sql", "--migrator.job.from=base",
				"--migrator.job.target=heads");

		assertThat(sql.exitCode()).as(sql.output()).isZero();
		String script = sql.stdout();
		assertThat(script).startsWith("-- migrator offline script (sqlite): upgrade from base to heads")
			.contains("CREATE TABLE IF NOT EXISTS \"migrator_version\"")
			.contains("CREATE TABLE users (")
			.contains("INSERT INTO \"migrator_version\" (version_num) VALUES ('0001_initial');")
			.contains("INSERT INTO \"migrator_version\" (version_num) VALUES ('" + Revisions.HEAD + "');")
			.contains("INSERT INTO \"migrator_history\"")
			.doesNotContain(":: Spring Boot ::")
			.doesNotContain(" INFO ");
		assertThat(this.database.tables()).isEmpty();
	}

	@Test
	void invalidPropertyFailsStartupWithFailureAnalysisInsteadOfAStackTrace() throws Exception {
		ProcessRun run = this.sampleJar.run(JOB, "--migrator.lock-wait=-5s");

		assertThat(run.exitCode()).as(run.output()).isNotZero();
		assertThat(run.output())
			.contains("APPLICATION FAILED TO START", "Description:", "The lock wait cannot be negative", "Action:",
					"migrator.")
			.doesNotContain("\tat ")
			.doesNotContain("Migration job: running");
		assertThat(this.database.tables()).isEmpty();
	}

}

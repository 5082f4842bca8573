package dev.migrator.core;

import dev.migrator.core.config.MigratorConfig;
import dev.migrator.core.runtime.MigrationFailedException;
import dev.migrator.testsupport.TestDataSources;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A revision's statement that needs a strong table lock goes to the server in one text
 * with {@code LOCK TABLE … NOWAIT}, its bookkeeping and its commit. When the lock is not
 * free, or cannot be taken so, nothing of that text stays and the revision runs again the
 * ordinary way (the look at the lock's holders, then the lock queue under the lock
 * timeout), not counted as a retry; and what the history records is as before.
 */
class PostgresLockWithoutWaitingTests {

	@TempDir
	Path temp;

	private DataSource dataSource;

	private RevisionFolder folder;

	private final RecordedLockRetries retries = new RecordedLockRetries();

	@BeforeEach
	void prepare() throws Exception {
		this.dataSource = TestDataSources.freshPostgres();
		this.folder = new RevisionFolder(this.temp.resolve("revisions"));
		Databases.execute(this.dataSource, "CREATE TABLE t (id integer PRIMARY KEY, note text)");
		Databases.execute(this.dataSource, "CREATE TABLE log (n integer)");
	}

	@Test
	void aRevisionWhoseTableIsHeldRunsOnceTheHolderEndsWithNothingDoneTwiceAndNoRetryCounted() throws Exception {
		this.folder.file("0001_y.sql", """
				-- migrator:revision 0001_y
				-- migrator:upgrade
				INSERT INTO log VALUES (1);
				ALTER TABLE t ADD COLUMN y integer;
				""");
		// A lock timeout longer than the holder lives: the holder is young, so the
		// revision waits for it in the queue rather than outside.
		Migrator migrator = migrator(MigratorConfig.builder().lockTimeout(Duration.ofSeconds(20)));
		CompletableFuture<?> run;
		try (Connection writer = this.dataSource.getConnection();
				Connection observer = this.dataSource.getConnection()) {
			writer.setAutoCommit(false);
			try (Statement statement = writer.createStatement()) {
				statement.executeUpdate("INSERT INTO t VALUES (1, 'held')");
			}
			run = CompletableFuture.runAsync(() -> migrator.upgrade("heads"));
			long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
			while (Databases.strings(observer, "SELECT 1 FROM pg_locks WHERE NOT granted AND relation = 't'::regclass")
				.isEmpty()) {
				assertThat(run).as("the revision waits for the writer's lock").isNotDone();
				assertThat(System.nanoTime() - deadline).as("time left to see the revision queue for the lock")
					.isNegative();
				Thread.sleep(10);
			}
			writer.commit();
		}
		run.get(60, TimeUnit.SECONDS);
		assertThat(Databases.count(this.dataSource, "SELECT count(*) FROM log"))
			.as("the insert ahead of the refused lock was rolled back, then ran once")
			.isEqualTo(1);
		assertThat(Databases.count(this.dataSource,
				"SELECT count(*) FROM information_schema.columns WHERE table_name = 't' AND column_name = 'y'"))
			.isEqualTo(1);
		assertThat(this.retries.all()).as("running again after a refused lock is not a lock timeout retry").isEmpty();
		assertThat(Databases.strings(this.dataSource, "SELECT revision || ' ' || outcome FROM migrator_history"))
			.containsExactly("0001_y success");
		assertThat(Databases.strings(this.dataSource, "SELECT version_num FROM migrator_version"))
			.containsExactly("0001_y");
	}

	@Test
	void relationsThatLockTableRefusesOrThatDoNotExistRunTheOrdinaryWay() throws Exception {
		Databases.execute(this.dataSource, "CREATE MATERIALIZED VIEW notes AS SELECT id, note FROM t");
		this.folder.file("0001_if_exists.sql", """
				-- migrator:revision 0001_if_exists
				-- migrator:upgrade
				ALTER TABLE IF EXISTS nowhere ADD COLUMN x integer;
				""");
		this.folder.file("0002_matview.sql", """
				-- migrator:revision 0002_matview
				-- migrator:revises 0001_if_exists
				-- migrator:upgrade
				CREATE INDEX notes_note ON notes (note);
				""");
		migrator(MigratorConfig.builder()).upgrade("heads");
		assertThat(Databases.strings(this.dataSource, "SELECT indexname FROM pg_indexes WHERE tablename = 'notes'"))
			.containsExactly("notes_note");
		assertThat(Databases.strings(this.dataSource, "SELECT version_num FROM migrator_version"))
			.containsExactly("0002_matview");
		assertThat(this.retries.all()).isEmpty();
	}

	@Test
	void aMissingTableIsReportedAsTheStatementFailingAndNothingIsRecordedAsApplied() throws Exception {
		this.folder.file("0001_missing.sql", """
				-- migrator:revision 0001_missing
				-- migrator:upgrade
				ALTER TABLE nowhere ADD COLUMN x integer;
				""");
		assertThatThrownBy(() -> migrator(MigratorConfig.builder()).upgrade("heads"))
			.isInstanceOf(MigrationFailedException.class)
			.hasMessageContaining("failed at line 3: ALTER TABLE nowhere ADD COLUMN x integer")
			.hasMessageContaining("relation \"nowhere\" does not exist");
		assertThat(Databases.count(this.dataSource, "SELECT count(*) FROM migrator_version")).isZero();
		assertThat(Databases.strings(this.dataSource, "SELECT outcome FROM migrator_history"))
			.containsExactly("failed");
	}

	@Test
	void theHistoryTimesTheLastStatementThatWentInOneTextWithIt() throws Exception {
		this.folder.file("0001_slow.sql", """
				-- migrator:revision 0001_slow
				-- migrator:upgrade
				ALTER TABLE t ADD COLUMN slow integer;
				SELECT pg_sleep(0.4);
				""");
		migrator(MigratorConfig.builder()).upgrade("heads");
		assertThat(Databases.count(this.dataSource, "SELECT duration_ms FROM migrator_history"))
			.as("the duration, in ms, takes in the statement sent with the record")
			.isBetween(400L, 30_000L);
		assertThat(Databases.count(this.dataSource,
				"SELECT round(extract(epoch FROM finished_at - started_at) * 1000) FROM migrator_history"))
			.isBetween(400L, 30_000L);
	}

	@Test
	void statementsEndingInALineCommentOrHoldingAQuestionMarkRun() throws Exception {
		Databases.execute(this.dataSource, "CREATE TABLE docs (doc jsonb)");
		Databases.execute(this.dataSource, "INSERT INTO docs VALUES ('{\"a\": 1}'), ('{\"b\": 2}')");
		this.folder.file("0001_comment.sql", """
				-- migrator:revision 0001_comment
				-- migrator:upgrade
				ALTER TABLE t ADD COLUMN c integer -- ends with a comment
				;
				""");
		this.folder.file("0002_operator.sql", """
				-- migrator:revision 0002_operator
				-- migrator:revises 0001_comment
				-- migrator:upgrade
				DELETE FROM docs WHERE doc ? 'a';
				""");
		migrator(MigratorConfig.builder()).upgrade("heads");
		assertThat(Databases.count(this.dataSource,
				"SELECT count(*) FROM information_schema.columns WHERE table_name = 't' AND column_name = 'c'"))
			.isEqualTo(1);
		assertThat(Databases.strings(this.dataSource, "SELECT doc::text FROM docs")).containsExactly("{\"b\": 2}");
		assertThat(Databases.strings(this.dataSource, "SELECT revision FROM migrator_history ORDER BY id"))
			.containsExactly("0001_comment", "0002_operator");
	}

	private Migrator migrator(MigratorConfig.Builder builder) {
		return Migrator.create(
				builder.dataSource(this.dataSource).locations(this.folder.location()).listener(this.retries).build());
	}

}

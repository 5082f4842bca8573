package dev.migrator.core;

import dev.migrator.core.config.MigratorConfig;
import dev.migrator.core.runtime.LockTimeoutRetry;
import dev.migrator.core.runtime.MigrationFailedException;
import dev.migrator.testsupport.TestDataSources;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
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
 * With its default settings, a migration never waits in PostgreSQL's lock queue behind a
 * long transaction, where every query on the table would queue behind it: it waits
 * outside, and when it gives up it names the transaction that held the lock.
 */
class PostgresLockQueueTests {

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
		Databases.execute(this.dataSource, "INSERT INTO t SELECT g, 'row ' || g FROM generate_series(1, 100) g");
		this.folder.file("0001_extra.sql",
				"-- migrator:revision 0001_extra\n-- migrator:upgrade\nALTER TABLE t ADD COLUMN extra integer;\n");
	}

	@Test
	void aMigrationWaitsOutsideTheLockQueueWhileALongReadTransactionIsOpenAndFinishesAfterIt() throws Exception {
		Migrator migrator = migrator(MigratorConfig.builder());
		CompletableFuture<?> run;
		try (Connection reader = this.dataSource.getConnection();
				Connection observer = this.dataSource.getConnection();
				Connection writer = this.dataSource.getConnection()) {
			int readerPid = openLongRead(reader, "long-report", "SELECT count(*) FROM t");
			awaitOpenLongerThan(observer, readerPid, Duration.ofSeconds(1));
			run = CompletableFuture.runAsync(() -> migrator.upgrade("heads"));
			long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
			int samples = 0;
			while (this.retries.count() < 2 || samples < 50) {
				assertThat(waitersInTheLockQueueOn(observer, "t"))
					.as("a session waiting in the lock queue of t while the long read transaction is open")
					.isZero();
				samples++;
				assertThat(run).as("the migration waits for the long transaction").isNotDone();
				assertThat(System.nanoTime() - deadline).as("time left to see two retries of the migration")
					.isNegative();
			}
			try (Statement statement = writer.createStatement()) {
				statement.execute("SET lock_timeout = '30s'");
				assertThat(statement.executeUpdate("INSERT INTO t (id, note) VALUES (1000, 'written meanwhile')"))
					.isEqualTo(1);
			}
			assertThat(run).as("the write did not wait for the migration, which still waits").isNotDone();
			assertThat(this.retries.all()).allSatisfy((retry) -> assertThat(retry.revision()).isEqualTo("0001_extra"));
			reader.rollback();
		}
		run.get(60, TimeUnit.SECONDS);
		assertThat(Databases.count(this.dataSource,
				"SELECT count(*) FROM information_schema.columns WHERE table_name = 't' AND column_name = 'extra'"))
			.isEqualTo(1);
		assertThat(Databases.strings(this.dataSource, "SELECT outcome FROM migrator_history ORDER BY id"))
			.containsExactly("success");
	}

	@Test
	void whenItGivesUpTheMessageNamesTheTransactionThatHeldTheLockWithoutItsValues() throws Exception {
		Migrator migrator = migrator(MigratorConfig.builder()
			.lockRetry(new LockTimeoutRetry(3, Duration.ofMillis(50), Duration.ofMillis(100))));
		try (Connection reader = this.dataSource.getConnection();
				Connection observer = this.dataSource.getConnection()) {
			int readerPid = openLongRead(reader, "nightly-export",
					"SELECT count(*) FROM t WHERE note <> 'secret-value-42' AND id > 17");
			awaitOpenLongerThan(observer, readerPid, Duration.ofSeconds(1));
			assertThatThrownBy(() -> migrator.upgrade("heads")).isInstanceOf(MigrationFailedException.class)
				.hasMessageContaining("It gave up after 3 attempts")
				.hasMessageContaining("pid " + readerPid + " (application 'nightly-export', connected ")
				.hasMessageContaining("transaction open since")
				.hasMessageContaining("query: SELECT count(*) FROM t WHERE note <> ? AND id > ?")
				.hasMessageContaining("ACCESS EXCLUSIVE lock on table t")
				.hasMessageContaining("The revision itself is not at fault")
				.hasMessageNotContaining("secret-value-42");
			reader.rollback();
		}
		assertThat(Databases.strings(this.dataSource, "SELECT error FROM migrator_history"))
			.singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
			.contains("nightly-export")
			.doesNotContain("secret-value-42");
	}

	private Migrator migrator(MigratorConfig.Builder builder) {
		return Migrator.create(
				builder.dataSource(this.dataSource).locations(this.folder.location()).listener(this.retries).build());
	}

	/** Opens a transaction that holds ACCESS SHARE on {@code t}; its backend's pid. */
	private static int openLongRead(Connection reader, String application, String query) throws Exception {
		try (Statement statement = reader.createStatement()) {
			statement.execute("SET application_name = '" + application + "'");
			int pid;
			try (ResultSet rs = statement.executeQuery("SELECT pg_backend_pid()")) {
				rs.next();
				pid = rs.getInt(1);
			}
			reader.setAutoCommit(false);
			statement.executeQuery(query).close();
			return pid;
		}
	}

	/**
	 * Waits until the server says the transaction of {@code pid} has been open that long.
	 */
	private static void awaitOpenLongerThan(Connection observer, int pid, Duration age) throws Exception {
		long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
		while (Databases
			.strings(observer,
					"SELECT pid FROM pg_stat_activity WHERE pid = " + pid
							+ " AND xact_start < clock_timestamp() - interval '" + age.toMillis() + " milliseconds'")
			.isEmpty()) {
			assertThat(System.nanoTime() - deadline).as("time left for the reader's transaction to be " + age + " old")
				.isNegative();
			Thread.sleep(20);
		}
	}

	private static long waitersInTheLockQueueOn(Connection observer, String table) throws Exception {
		try (Statement statement = observer.createStatement();
				ResultSet rs = statement.executeQuery(
						"SELECT count(*) FROM pg_locks WHERE NOT granted AND relation = '" + table + "'::regclass")) {
			rs.next();
			return rs.getLong(1);
		}
	}

}

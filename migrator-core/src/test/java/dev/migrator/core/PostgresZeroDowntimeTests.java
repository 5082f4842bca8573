package dev.migrator.core;

import dev.migrator.core.command.RunResult;
import dev.migrator.core.compat.BlockedContract;
import dev.migrator.core.compat.ClientInstance;
import dev.migrator.core.compat.ClientRegistry;
import dev.migrator.core.compat.ContractBlockedException;
import dev.migrator.core.config.MigratorConfig;
import dev.migrator.core.runtime.LockRetry;
import dev.migrator.core.runtime.LockTimeoutRetry;
import dev.migrator.core.runtime.MigrationFailedException;
import dev.migrator.core.runtime.MigrationListener;
import dev.migrator.core.script.PhaseFilter;
import dev.migrator.testsupport.TestDataSources;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Zero-downtime behaviour on a real PostgreSQL server: lock timeouts retried while the
 * application keeps writing, concurrent index builds split out of transactions, cleaned
 * up after a failure and never deadlocked by the run lock, the expand phase, and the
 * compatibility guard of contract revisions.
 */
class PostgresZeroDowntimeTests {

	private static final String FOLDER_HEADER = "-- migrator:revision ";

	@TempDir
	Path temp;

	private DataSource dataSource;

	private RevisionFolder folder;

	private final List<LockRetry> retries = new CopyOnWriteArrayList<>();

	@BeforeEach
	void prepare() {
		this.dataSource = TestDataSources.freshPostgres();
		this.folder = new RevisionFolder(this.temp.resolve("revisions"));
	}

	private Migrator migrator(MigratorConfig.Builder builder) {
		return Migrator.create(
				builder.dataSource(this.dataSource).locations(this.folder.location()).listener(new MigrationListener() {

					@Override
					public void lockTimeoutRetried(LockRetry retry) {
						PostgresZeroDowntimeTests.this.retries.add(retry);
					}

				}).build());
	}

	private Migrator migrator() {
		return migrator(MigratorConfig.builder());
	}

	private static String revision(String id, String parent, String headers, String upgrade) {
		return FOLDER_HEADER + id + "\n" + ((parent != null) ? "-- migrator:revises " + parent + "\n" : "") + headers
				+ "-- migrator:upgrade\n" + upgrade;
	}

	@Test
	void revisionsRunUnderTheDefaultLockTimeoutOfFiftyMilliseconds() throws Exception {
		this.folder.file("0001_seen.sql", revision("0001_seen", null, "",
				"CREATE TABLE seen (value text);\nINSERT INTO seen SELECT current_setting('lock_timeout');\n"));
		migrator().upgrade("heads");
		assertThat(Databases.strings(this.dataSource, "SELECT value FROM seen")).containsExactly("50ms");
	}

	@Test
	void aLockTimeoutIsRetriedUntilTheLongTransactionEndsWhileWritesFlow() throws Exception {
		seedTable();
		this.folder.file("0002_alter.sql",
				revision("0002_alter", "0001_t", "", "ALTER TABLE t ADD COLUMN extra integer;\n"));
		Duration lockTimeout = Duration.ofMillis(300);
		Migrator migrator = migrator(MigratorConfig.builder()
			.lockTimeout(lockTimeout)
			.lockRetry(new LockTimeoutRetry(10, Duration.ofMillis(200), Duration.ofSeconds(1))));
		try (WriteTraffic traffic = WriteTraffic.start(this.dataSource, 2, PostgresZeroDowntimeTests::writeToT);
				Connection holder = this.dataSource.getConnection()) {
			traffic.awaitWrites(200);
			holdAccessShareLock(holder);
			CompletableFuture<Void> release = CompletableFuture.runAsync(() -> rollbackAfter(holder, 1500));
			long before = traffic.writes();
			long started = System.nanoTime();
			RunResult result = migrator.upgrade("heads");
			long took = Duration.ofNanos(System.nanoTime() - started).toMillis();
			long during = traffic.writes() - before;
			release.get(10, TimeUnit.SECONDS);
			WriteTraffic.Result writes = traffic.stop();
			System.out.println("[lock-retry] migration " + took + " ms, " + this.retries.size() + " retries "
					+ this.retries.stream().map((r) -> r.delay().toMillis() + " ms").toList() + ", " + during
					+ " writes during it; " + writes);
			assertThat(result.steps()).hasSize(1);
			assertThat(took).as("it waited for the long transaction to end").isGreaterThanOrEqualTo(1400);
			assertThat(this.retries).isNotEmpty().allSatisfy((r) -> assertThat(r.revision()).isEqualTo("0002_alter"));
			assertThat(writes.errors()).isEmpty();
			assertThat(during).as("writes went on while the migration waited").isGreaterThan(100);
			assertThat(writes.longestWrite()).as("no write waited much longer than the lock timeout")
				.isLessThan(lockTimeout.plusMillis(700));
		}
		assertThat(Databases.strings(this.dataSource,
				"SELECT outcome FROM migrator_history WHERE revision = " + "'0002_alter' ORDER BY id"))
			.containsExactly("success");
		assertThat(Databases.count(this.dataSource, "SELECT count(*) FROM information_schema.columns WHERE "
				+ "table_name = 't' AND column_name = 'extra'"))
			.isEqualTo(1);
	}

	@Test
	void aNonTransactionalRevisionRetriesOnlyTheStatementThatTimedOut() throws Exception {
		seedTable();
		this.folder.file("0002_alter.sql", revision("0002_alter", "0001_t", "-- migrator:transactional false\n",
				"INSERT INTO log VALUES ('ran');\nALTER TABLE t ADD COLUMN extra integer;\n"));
		Databases.execute(this.dataSource, "CREATE TABLE log (what text)");
		Migrator migrator = migrator(MigratorConfig.builder()
			.lockTimeout(Duration.ofMillis(200))
			.lockRetry(new LockTimeoutRetry(10, Duration.ofMillis(100), Duration.ofMillis(500))));
		try (Connection holder = this.dataSource.getConnection()) {
			holdAccessShareLock(holder);
			CompletableFuture<Void> release = CompletableFuture.runAsync(() -> rollbackAfter(holder, 1000));
			migrator.upgrade("heads");
			release.get(10, TimeUnit.SECONDS);
		}
		assertThat(this.retries).isNotEmpty()
			.allSatisfy((r) -> assertThat(r.what()).startsWith("ALTER TABLE t ADD COLUMN extra"));
		assertThat(Databases.count(this.dataSource, "SELECT count(*) FROM log")).as("the statement before ran once")
			.isEqualTo(1);
	}

	@Test
	void aLockTimeoutThatOutlastsTheRetriesFailsSayingWhatToDo() throws Exception {
		seedTable();
		this.folder.file("0002_alter.sql", revision("0002_alter", "0001_t", "-- migrator:lock-timeout 100ms\n",
				"ALTER TABLE t ADD COLUMN extra integer;\n"));
		Migrator migrator = migrator(MigratorConfig.builder()
			.lockRetry(new LockTimeoutRetry(3, Duration.ofMillis(50), Duration.ofMillis(100))));
		try (Connection holder = this.dataSource.getConnection()) {
			holdAccessShareLock(holder);
			assertThatThrownBy(() -> migrator.upgrade("heads")).isInstanceOf(MigrationFailedException.class)
				.hasMessageContaining("lock timeout")
				.hasMessageContaining("gave up after 3 attempts (lock timeout 100ms)")
				.hasMessageContaining("waiting outside the lock queue")
				.hasMessageContaining("pg_terminate_backend")
				// One story: the lock holder is the cause, the revision is not at fault.
				.hasMessageContaining("The revision itself is not at fault")
				.hasMessageNotContaining("Fix the revision")
				.hasMessageNotContaining("fix what failed");
			holder.rollback();
		}
		assertThat(this.retries).hasSize(2);
	}

	@Test
	void aConcurrentIndexInATransactionalRevisionRunsBetweenItsTransactionalParts() throws Exception {
		this.folder.file("0001_index.sql",
				revision("0001_index", null, "",
						"CREATE TABLE t (id integer PRIMARY KEY, a integer);\nINSERT INTO t VALUES (1, 1);\n"
								+ "CREATE INDEX CONCURRENTLY t_a_idx ON t (a);\nINSERT INTO t VALUES (2, 2);\n"));
		migrator().upgrade("heads");
		assertThat(Databases.strings(this.dataSource,
				"SELECT indisvalid::text FROM pg_index WHERE indexrelid = " + "'t_a_idx'::regclass"))
			.containsExactly("true");
		assertThat(Databases.count(this.dataSource, "SELECT count(*) FROM t")).isEqualTo(2);
		assertThat(Databases.strings(this.dataSource,
				"SELECT outcome FROM migrator_history WHERE revision = '0001_index' ORDER BY id"))
			.as("a revision run in parts leaves a trace when it starts")
			.containsExactly("started", "success");
	}

	@Test
	void aRevisionThatFailsAfterItsConcurrentIndexSaysWhatStaysApplied() throws Exception {
		this.folder.file("0001_index.sql",
				revision("0001_index", null, "", "CREATE TABLE t (id integer PRIMARY KEY, a integer);\n"
						+ "CREATE INDEX CONCURRENTLY t_a_idx ON t (a);\nINSERT INTO nowhere VALUES (1);\n"));
		assertThatThrownBy(() -> migrator().upgrade("heads")).isInstanceOf(MigrationFailedException.class)
			.hasMessageContaining("This revision ran in parts, because line 4 cannot run inside a transaction block")
			.hasMessageContaining("the statements at lines 3, 4 were committed and stay applied")
			.hasMessageContaining("The version table still says base");
	}

	@Test
	void aKilledConcurrentIndexBuildIsDroppedAndBuiltAgainOnTheNextRun() throws Exception {
		slowIndexRevisions();
		Migrator migrator = migrator();
		migrator.upgrade("0001_slow");
		CompletableFuture<RunResult> run = CompletableFuture.supplyAsync(() -> migrator.upgrade("heads"));
		long pid = awaitIndexBuild();
		Databases.execute(this.dataSource, "SELECT pg_cancel_backend(" + pid + ")");
		assertThatThrownBy(() -> run.get(30, TimeUnit.SECONDS)).hasCauseInstanceOf(MigrationFailedException.class)
			.hasMessageContaining("canceling statement due to user request");
		assertThat(Databases.strings(this.dataSource,
				"SELECT indisvalid::text FROM pg_index WHERE indexrelid = " + "'t_slow_idx'::regclass"))
			.as("the interrupted build left an INVALID index")
			.containsExactly("false");

		migrator.upgrade("heads");
		assertThat(Databases.strings(this.dataSource,
				"SELECT indisvalid::text FROM pg_index WHERE indexrelid = " + "'t_slow_idx'::regclass"))
			.containsExactly("true");
		assertThat(Databases.strings(this.dataSource,
				"SELECT outcome FROM migrator_history WHERE revision = '0002_index' ORDER BY id"))
			.containsExactly("started", "failed", "started", "success");
	}

	@Test
	void aKilledConcurrentIndexNamedWithANonAsciiCapitalIsFoundAsPostgresqlFoldedIt() throws Exception {
		// PostgreSQL folds only ASCII letters of an unquoted name: it keeps the capital
		// Í and stores "Índicev3".
		slowIndexRevisions("ÍndiceV3");
		Migrator migrator = migrator();
		migrator.upgrade("0001_slow");
		CompletableFuture<RunResult> run = CompletableFuture.supplyAsync(() -> migrator.upgrade("heads"));
		long pid = awaitIndexBuild();
		Databases.execute(this.dataSource, "SELECT pg_cancel_backend(" + pid + ")");
		assertThatThrownBy(() -> run.get(30, TimeUnit.SECONDS)).hasCauseInstanceOf(MigrationFailedException.class);
		String validity = "SELECT indisvalid::text FROM pg_index WHERE indexrelid = '\"Índicev3\"'::regclass";
		assertThat(Databases.strings(this.dataSource, validity)).as("the interrupted build left an INVALID index")
			.containsExactly("false");

		migrator.upgrade("heads");
		assertThat(Databases.strings(this.dataSource, validity)).containsExactly("true");
		assertThat(Databases.strings(this.dataSource,
				"SELECT outcome FROM migrator_history WHERE revision = '0002_index' ORDER BY id"))
			.containsExactly("started", "failed", "started", "success");
	}

	@Test
	void aRunnerWaitingForTheRunLockNeverBlocksAConcurrentIndexBuild() throws Exception {
		slowIndexRevisions();
		migrator().upgrade("0001_slow");
		CompletableFuture<RunResult> first = CompletableFuture.supplyAsync(() -> migrator().upgrade("heads"));
		awaitIndexBuild();
		CompletableFuture<RunResult> second = CompletableFuture.supplyAsync(() -> migrator().upgrade("heads"));
		Thread.sleep(300);
		assertThat(Databases.count(this.dataSource,
				"SELECT count(*) FROM pg_stat_activity WHERE datname = "
						+ "current_database() AND state LIKE 'idle in transaction%'"))
			.as("the waiting runner holds no transaction open, which the index build would wait for")
			.isZero();
		assertThat(second).isNotDone();
		assertThat(first.get(30, TimeUnit.SECONDS).steps()).hasSize(1);
		assertThat(second.get(30, TimeUnit.SECONDS).isNoOp()).isTrue();
		assertThat(Databases.strings(this.dataSource,
				"SELECT indisvalid::text FROM pg_index WHERE indexrelid = " + "'t_slow_idx'::regclass"))
			.containsExactly("true");
	}

	@Test
	void theExpandPhaseHoldsBackContractRevisionsAndWhatNeedsThem() throws Exception {
		this.folder.table("0001_users", null, "users")
			.file("0002_email.sql",
					revision("0002_email", "0001_users", "", "ALTER TABLE users ADD COLUMN email text;\n"))
			.file("0003_drop_name.sql",
					revision("0003_drop_name", "0002_email", "-- migrator:phase contract\n",
							"ALTER TABLE users DROP COLUMN name;\n"))
			.file("0004_after.sql",
					revision("0004_after", "0003_drop_name", "", "CREATE TABLE after_contract (id integer);\n"))
			.file("0005_audit.sql", revision("0005_audit", "0002_email", "", "CREATE TABLE audit (id integer);\n"))
			.file("0006_report.sql",
					revision("0006_report", "0005_audit",
							"-- migrator:phase migrate\n-- migrator:depends-on 0003_drop_name\n",
							"CREATE TABLE report (id integer);\n"));
		RunResult expand = migrator().upgrade("heads", PhaseFilter.EXPAND);
		assertThat(expand.steps()).extracting((s) -> s.revision())
			.containsExactly("0001_users", "0002_email", "0005_audit");
		assertThat(expand.heldBack()).containsExactly("0003_drop_name", "0004_after", "0006_report");
		assertThat(migrator().current()).containsExactly("0005_audit");
		assertThat(Databases.count(this.dataSource, "SELECT count(*) FROM information_schema.columns WHERE "
				+ "table_name = 'users' AND column_name = 'name'"))
			.isEqualTo(1);

		assertThat(migrator().upgrade("heads", PhaseFilter.EXPAND).isNoOp()).isTrue();
		RunResult contract = migrator().upgrade("heads");
		assertThat(contract.steps()).extracting((s) -> s.revision())
			.containsExactly("0003_drop_name", "0004_after", "0006_report");
		assertThat(migrator().current()).containsExactlyInAnyOrder("0004_after", "0006_report");
	}

	@Test
	void aContractRevisionIsRefusedWhileAnOlderInstanceIsAliveAndRunsOnceItIsGone() throws Exception {
		contractRevisions();
		Migrator migrator = migrator();
		migrator.upgrade("0002_email");
		ClientRegistry registry = migrator.clientRegistry();
		registry.register(new ClientInstance("web-old-1", "shop", "1.4.0", Set.of("0002_email")));
		registry.register(new ClientInstance("web-new-1", "shop", "1.5.0", Set.of("0003_drop_name")));

		assertThat(migrator.blockedContracts()).singleElement().satisfies((BlockedContract blocked) -> {
			assertThat(blocked.revision().id()).isEqualTo("0003_drop_name");
			assertThat(blocked.clients()).extracting((c) -> c.instanceId()).containsExactly("web-old-1");
		});
		assertThatThrownBy(() -> migrator.upgrade("heads")).isInstanceOf(ContractBlockedException.class)
			.hasMessageContaining("Contract revision 0003_drop_name")
			.hasMessageContaining("web-old-1 (shop 1.4.0): last heartbeat")
			.hasMessageContaining("its code needs 0002_email")
			.hasMessageContaining("migrator.job.allow-contract-with-live-clients=true")
			.hasMessageNotContaining("web-new-1");
		assertThat(migrator.current()).containsExactly("0002_email");

		registry.deregister("web-old-1");
		assertThat(migrator.blockedContracts()).isEmpty();
		assertThat(migrator.upgrade("heads").steps()).extracting((s) -> s.revision()).containsExactly("0003_drop_name");
	}

	@Test
	void anInstanceWhoseHeartbeatExpiredNoLongerBlocksAContract() throws Exception {
		contractRevisions();
		Migrator migrator = migrator(MigratorConfig.builder().clientLiveWindow(Duration.ofSeconds(30)));
		migrator.upgrade("0002_email");
		Clock minuteAgo = Clock.fixed(Instant.now().minusSeconds(60), ZoneOffset.UTC);
		new ClientRegistry(this.dataSource, migrator.config().tables(), migrator.config().compatibility(), minuteAgo)
			.register(new ClientInstance("web-crashed", "shop", "1.4.0", Set.of("0002_email")));
		assertThat(migrator.clientRegistry().clients()).hasSize(1);
		assertThat(migrator.clientRegistry().liveClients()).isEmpty();
		assertThat(migrator.upgrade("heads").steps()).hasSize(1);
	}

	@Test
	void theOverrideRunsAContractDespiteLiveOlderInstances() throws Exception {
		contractRevisions();
		migrator().upgrade("0002_email");
		migrator().clientRegistry().register(new ClientInstance("web-old-1", "shop", "1.4.0", Set.of("0002_email")));
		RunResult result = migrator(MigratorConfig.builder().allowContractWithLiveClients(true)).upgrade("heads");
		assertThat(result.steps()).extracting((s) -> s.revision()).containsExactly("0003_drop_name");
	}

	@Test
	void offlineScriptsShowWhatRunsOutsideTheTransaction() {
		this.folder.file("0001_index.sql", revision("0001_index", null, "",
				"CREATE TABLE t (id integer PRIMARY KEY, a integer);\nCREATE INDEX CONCURRENTLY t_a_idx ON t (a);\n"
						+ "INSERT INTO t VALUES (1, 1);\n"));
		String script = Migrator
			.create(MigratorConfig.builder().locations(this.folder.location()).dialect("postgresql").build())
			.sql("base", "heads");
		assertThat(script)
			.contains(
					"-- runs in parts: CREATE INDEX CONCURRENTLY at line 4 cannot run inside a " + "transaction block")
			.containsSubsequence("BEGIN;\nSET LOCAL lock_timeout = '2000ms';\nCREATE TABLE t", "COMMIT;\n",
					"SET lock_timeout = '0ms';\nCREATE INDEX CONCURRENTLY t_a_idx ON t (a);\nRESET lock_timeout;\n",
					"BEGIN;\nSET LOCAL lock_timeout = '2000ms';\nINSERT INTO t VALUES (1, 1);\n",
					"INSERT INTO \"migrator_version\" (version_num) VALUES ('0001_index');\n", "COMMIT;\n");
	}

	private void seedTable() throws Exception {
		this.folder.file("0001_t.sql", revision("0001_t", null, "",
				"CREATE TABLE t (id serial PRIMARY KEY, v integer);\nINSERT INTO t (v) SELECT g FROM generate_series(1, 1000) g;\n"));
		migrator().upgrade("0001_t");
	}

	private void contractRevisions() {
		this.folder.table("0001_users", null, "users")
			.file("0002_email.sql",
					revision("0002_email", "0001_users", "", "ALTER TABLE users ADD COLUMN email text;\n"))
			.file("0003_drop_name.sql", revision("0003_drop_name", "0002_email", "-- migrator:phase contract\n",
					"ALTER TABLE users DROP COLUMN name;\n"));
	}

	/**
	 * A table whose index takes about a second per pass to build: each value costs 20 ms.
	 */
	private void slowIndexRevisions() {
		slowIndexRevisions("t_slow_idx");
	}

	private void slowIndexRevisions(String indexName) {
		this.folder.file("0001_slow.sql", revision("0001_slow", null, "",
				"CREATE FUNCTION slow_identity(i integer) RETURNS integer LANGUAGE plpgsql IMMUTABLE AS $$ "
						+ "BEGIN PERFORM pg_sleep(0.02); RETURN i; END $$;\n"
						+ "CREATE TABLE t (id integer PRIMARY KEY);\nINSERT INTO t SELECT g FROM generate_series(1, 50) g;\n"))
			.file("0002_index.sql", revision("0002_index", "0001_slow", "",
					"CREATE INDEX CONCURRENTLY " + indexName + " ON t ((slow_identity(id)));\n"));
	}

	/**
	 * The backend building an index on this database, once it has started on the table.
	 */
	private long awaitIndexBuild() throws Exception {
		long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
		while (System.nanoTime() < deadline) {
			List<String> pids = Databases.strings(this.dataSource,
					"SELECT pid::text FROM pg_stat_progress_create_index "
							+ "WHERE datname = current_database() AND phase LIKE 'building index%'");
			if (!pids.isEmpty()) {
				return Long.parseLong(pids.get(0));
			}
			Thread.sleep(20);
		}
		throw new AssertionError("No index build started");
	}

	private static void holdAccessShareLock(Connection holder) throws Exception {
		holder.setAutoCommit(false);
		try (Statement statement = holder.createStatement()) {
			statement.execute("SELECT count(*) FROM t");
		}
	}

	private static void rollbackAfter(Connection holder, long millis) {
		try {
			Thread.sleep(millis);
			holder.rollback();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static void writeToT(Connection connection, java.util.concurrent.ThreadLocalRandom random)
			throws java.sql.SQLException {
		String sql = random.nextBoolean() ? "INSERT INTO t (v) VALUES (?)" : "UPDATE t SET v = v + 1 WHERE id = ?";
		try (PreparedStatement statement = connection.prepareStatement(sql)) {
			statement.setInt(1, 1 + random.nextInt(1000));
			statement.executeUpdate();
		}
	}

}

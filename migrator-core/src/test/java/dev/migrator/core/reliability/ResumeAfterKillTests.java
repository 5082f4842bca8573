package dev.migrator.core.reliability;

import dev.migrator.testsupport.TestDataSources;

import dev.migrator.core.Migrator;
import dev.migrator.core.command.Resolution;
import dev.migrator.core.config.MigratorConfig;
import dev.migrator.core.error.MigratorException;
import dev.migrator.core.runtime.MigrationFailedException;
import dev.migrator.testsupport.TestPostgres;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A migration job killed in the middle of a revision that commits as it goes (a
 * non-transactional revision, or a transactional one split around a concurrent index
 * build) continues after its last completed statement when it restarts: every committed
 * statement ran exactly once, as the rows it inserted into {@code counter} count. A job
 * killed during a statement whose outcome nobody can check refuses to guess until the
 * resolve command says what happened.
 */
class ResumeAfterKillTests {

	private static final String JOB_NAME = "resume-job";

	@TempDir
	Path temp;

	private int logs;

	@Test
	void aNonTransactionalRevisionAndARevisionInPartsContinueAfterTheirLastCompletedStatementOnPostgres()
			throws Exception {
		Target target = postgres();
		Map<String, String> revisions = new LinkedHashMap<>();
		revisions.put("0001_counter",
				"CREATE TABLE counter (step text NOT NULL);\n"
						+ "CREATE TABLE sleep_for (step text PRIMARY KEY, seconds float NOT NULL);\n"
						+ "INSERT INTO sleep_for VALUES ('steps', 60), ('parts', 60);\n");
		revisions.put("0002_steps",
				"-- migrator:transactional false\n-- migrator:upgrade\n" + "INSERT INTO counter VALUES ('a');\n"
						+ "SELECT pg_sleep(seconds) FROM sleep_for WHERE step = 'steps';\n"
						+ "INSERT INTO counter VALUES ('b');\n");
		revisions.put("0003_parts",
				"INSERT INTO counter VALUES ('c');\n"
						+ "CREATE INDEX CONCURRENTLY counter_step_idx ON counter (step);\n"
						+ "INSERT INTO counter VALUES ('d');\n"
						+ "SELECT pg_sleep(seconds) FROM sleep_for WHERE step = 'parts';\n"
						+ "INSERT INTO counter VALUES ('e');\n");
		String location = write("pg-steps", revisions);

		ChildJob first = start(target, location);
		awaitCount(target, first, "SELECT count(*) FROM pg_stat_activity WHERE application_name = '" + JOB_NAME
				+ "' AND query LIKE 'SELECT pg_sleep%' AND state = 'active'");
		assertThat(counts(target)).containsExactly(Map.entry("a", 1L));
		killAndAwaitSessionsGone(first, target);
		execute(target, "UPDATE sleep_for SET seconds = 0 WHERE step = 'steps'");

		ChildJob second = start(target, location);
		awaitCount(target, second, "SELECT count(*) FROM pg_stat_activity WHERE application_name = '" + JOB_NAME
				+ "' AND query LIKE 'SELECT pg_sleep%''parts''%' AND state = 'active'");
		assertThat(counts(target)).as("the part before the index build committed; the last part has not")
			.containsExactly(Map.entry("a", 1L), Map.entry("b", 1L), Map.entry("c", 1L));
		killAndAwaitSessionsGone(second, target);
		execute(target, "UPDATE sleep_for SET seconds = 0 WHERE step = 'parts'");

		ChildJob third = start(target, location);
		assertThat(third.awaitExit(120)).as(third.log()).isZero();
		assertThat(second.log()).contains("completed in an earlier run that was interrupted; continuing after it");
		assertThat(third.log()).contains("completed in an earlier run that was interrupted");
		assertThat(counts(target)).as("every committed statement ran exactly once")
			.containsExactly(Map.entry("a", 1L), Map.entry("b", 1L), Map.entry("c", 1L), Map.entry("d", 1L),
					Map.entry("e", 1L));
		assertThat(count(target, "SELECT count(*) FROM migrator_version_progress")).as("progress rows left").isZero();
		assertThat(count(target, "SELECT count(*) FROM pg_index WHERE NOT indisvalid")).isZero();
	}

	@Test
	void aStatementThatCannotBeCheckedRefusesToGuessUntilResolvedOnPostgres() throws Exception {
		Target target = postgres();
		Map<String, String> revisions = new LinkedHashMap<>();
		revisions.put("0001_counter", "CREATE TABLE counter (step text NOT NULL);\n");
		revisions.put("0002_vacuum",
				"-- migrator:transactional false\n-- migrator:lock-timeout 60s\n"
						+ "-- migrator:upgrade\nINSERT INTO counter VALUES ('a');\nVACUUM FULL counter;\n"
						+ "INSERT INTO counter VALUES ('b');\n");
		String location = write("pg-vacuum", revisions);
		ChildJob setup = start(target, location, "0001_counter");
		assertThat(setup.awaitExit(60)).as(setup.log()).isZero();

		try (Connection blocker = connect(target); Statement statement = blocker.createStatement()) {
			// VACUUM FULL waits for this lock, so that the job is killed while it runs.
			blocker.setAutoCommit(false);
			statement.execute("LOCK TABLE counter IN ACCESS SHARE MODE");
			ChildJob job = start(target, location);
			awaitCount(target, job,
					"SELECT count(*) FROM migrator_version_progress WHERE revision = '0002_vacuum' AND state = 'running'");
			job.kill();
			blocker.rollback();
		}
		awaitSessionsGone(target);

		assertRefusesThenResolves(target, location, "0002_vacuum", 7, Resolution.DONE);
		assertThat(counts(target)).containsExactly(Map.entry("a", 1L), Map.entry("b", 1L));
	}

	@Test
	void aNonTransactionalRevisionContinuesAfterItsLastCompletedStatementOnSqlite() throws Exception {
		Target target = sqlite("steps.db");
		Map<String, String> revisions = new LinkedHashMap<>();
		revisions.put("0001_counter",
				"CREATE TABLE counter (step text NOT NULL);\nCREATE TABLE filler (id integer NOT NULL);\n");
		revisions.put("0002_steps",
				"-- migrator:transactional false\n-- migrator:upgrade\n" + "INSERT INTO counter VALUES ('a');\n"
						+ "INSERT INTO filler (id) WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n "
						+ "WHERE i < 3000000) SELECT i FROM n;\n" + "INSERT INTO counter VALUES ('b');\n");
		String location = write("sqlite-steps", revisions);

		ChildJob first = start(target, location);
		awaitCount(target, first, "SELECT count(*) FROM counter WHERE step = 'a'");
		first.kill();
		assertThat(counts(target)).as("killed while the slow insert ran").containsExactly(Map.entry("a", 1L));

		ChildJob second = start(target, location);
		assertThat(second.awaitExit(120)).as(second.log()).isZero();
		assertThat(second.log()).contains("completed in an earlier run that was interrupted; continuing after it");
		assertThat(counts(target)).containsExactly(Map.entry("a", 1L), Map.entry("b", 1L));
		assertThat(count(target, "SELECT count(*) FROM filler")).as("the slow insert ran once").isEqualTo(3000000);
		assertThat(count(target, "SELECT count(*) FROM migrator_version_progress")).isZero();
	}

	@Test
	void aVacuumInterruptedOnSqliteRefusesToGuessAndRunsAgainWhenResolvedSo() throws Exception {
		Target target = sqlite("vacuum.db");
		Map<String, String> revisions = new LinkedHashMap<>();
		revisions.put("0001_counter", "CREATE TABLE counter (step text NOT NULL);\n"
				+ "CREATE TABLE filler (id integer NOT NULL, payload text NOT NULL);\n"
				+ "INSERT INTO filler (id, payload) WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n "
				+ "WHERE i < 600000) SELECT i, hex(randomblob(32)) FROM n;\n");
		revisions.put("0002_vacuum", "-- migrator:transactional false\n-- migrator:upgrade\n"
				+ "INSERT INTO counter VALUES ('a');\nVACUUM;\nINSERT INTO counter VALUES ('b');\n");
		String location = write("sqlite-vacuum", revisions);
		// VACUUM holds an exclusive lock that keeps readers out of a rollback-journal
		// database for as long as it runs, so the test could never see it running. In WAL
		// mode readers go on reading while it writes.
		execute(target, "PRAGMA journal_mode = WAL");
		ChildJob setup = start(target, location, "0001_counter");
		assertThat(setup.awaitExit(120)).as(setup.log()).isZero();

		ChildJob job = start(target, location);
		awaitCount(target, job,
				"SELECT count(*) FROM migrator_version_progress WHERE revision = '0002_vacuum' AND state = 'running'");
		job.kill();

		assertRefusesThenResolves(target, location, "0002_vacuum", 6, Resolution.RERUN);
		assertThat(counts(target)).containsExactly(Map.entry("a", 1L), Map.entry("b", 1L));
	}

	/**
	 * The server session of a job killed during a concurrent index build goes on and
	 * finishes it, while the run's record of the statement may be gone: the index stands
	 * VALID when the statement runs again. The failure says so and that running again is
	 * all it takes, which then continues after the index, in a non-transactional revision
	 * and in one run in parts alike.
	 */
	@Test
	void anIndexThatAnInterruptedRunsSessionFinishedIsNamedAndTheNextRunContinuesAfterIt() throws Exception {
		Target target = postgres();
		Map<String, String> revisions = new LinkedHashMap<>();
		revisions.put("0001_counter", "CREATE TABLE counter (step text NOT NULL);\n");
		revisions.put("0002_steps", "-- migrator:transactional false\n-- migrator:upgrade\n"
				+ "INSERT INTO counter VALUES ('a');\nCREATE INDEX CONCURRENTLY counter_step_idx ON counter (step);\n"
				+ "INSERT INTO counter VALUES ('b');\n");
		revisions.put("0003_parts",
				"INSERT INTO counter VALUES ('c');\n"
						+ "CREATE INDEX CONCURRENTLY counter_len_idx ON counter (length(step));\n"
						+ "INSERT INTO counter VALUES ('d');\n");
		String location = write("pg-built", revisions);
		Migrator migrator = Migrator.create(MigratorConfig.builder()
			.dataSource(TestDataSources.forUrl(target.url, target.user, target.password))
			.locations(location)
			.build());
		migrator.upgrade("0001_counter");
		// What the orphaned sessions of killed runs leave: the indexes, built and VALID.
		execute(target, "CREATE INDEX counter_step_idx ON counter (step)");
		execute(target, "CREATE INDEX counter_len_idx ON counter (length(step))");

		for (String revision : new String[] { "0002_steps", "0003_parts" }) {
			assertThatExceptionOfType(MigrationFailedException.class).isThrownBy(() -> migrator.upgrade("heads"))
				.satisfies((ex) -> assertThat(ex.revision()).isEqualTo(revision))
				.satisfies((ex) -> assertThat(ex.getMessage()).contains("already exists and is VALID")
					.contains("run the command again and it continues after the index")
					.doesNotContain("Fix the statement")
					.doesNotContain("fix what failed")
					.doesNotContain("Fix the revision"));
			migrator.upgrade(revision);
		}
		assertThat(counts(target)).containsExactly(Map.entry("a", 1L), Map.entry("b", 1L), Map.entry("c", 1L),
				Map.entry("d", 1L));
		assertThat(count(target, "SELECT count(*) FROM migrator_version_progress")).isZero();
		assertThat(count(target, "SELECT count(*) FROM pg_index WHERE NOT indisvalid")).isZero();
	}

	/**
	 * The restarted job refuses, naming the revision, the statement and the command; once
	 * resolved, the next one completes.
	 */
	private void assertRefusesThenResolves(Target target, String location, String revision, int line,
			Resolution resolution) throws Exception {
		ChildJob refused = start(target, location);
		assertThat(refused.awaitExit(60)).isEqualTo(1);
		assertThat(refused.log()).contains("Revision " + revision + " was interrupted while its statement at ")
			.contains(revision + ".sql:" + line + " ran: VACUUM")
			.contains("will not guess")
			.contains("migrator.job.command=resolve and migrator.job.resolve=done")
			.contains("migrator.job.resolve=rerun");
		assertThat(count(target, "SELECT count(*) FROM migrator_history WHERE revision = '" + revision
				+ "' AND outcome = 'failed' AND error LIKE '%will not guess%'"))
			.isEqualTo(1);

		Migrator migrator = Migrator.create(MigratorConfig.builder()
			.dataSource(TestDataSources.forUrl(target.url, target.user, target.password))
			.locations(location)
			.build());
		assertThat(migrator.resolve(resolution)).containsExactly(revision + " (upgrade) at line " + line);
		assertThatExceptionOfType(MigratorException.class).isThrownBy(() -> migrator.resolve(resolution))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo("nothing-to-resolve"));

		ChildJob resolved = start(target, location);
		assertThat(resolved.awaitExit(120)).as(resolved.log()).isZero();
		assertThat(count(target, "SELECT count(*) FROM migrator_version WHERE version_num = '" + revision + "'"))
			.isEqualTo(1);
	}

	private Target postgres() {
		TestPostgres server = TestPostgres.shared();
		String url = server.createDatabase();
		return new Target(url + (url.contains("?") ? "&" : "?") + "ApplicationName=" + JOB_NAME, server.user(),
				server.password());
	}

	private Target sqlite(String file) {
		return new Target("jdbc:sqlite:" + this.temp.resolve(file).toAbsolutePath(), "", "");
	}

	private String write(String folderName, Map<String, String> revisions) throws Exception {
		Path folder = this.temp.resolve(folderName);
		Files.createDirectories(folder);
		String parent = null;
		for (Map.Entry<String, String> revision : revisions.entrySet()) {
			StringBuilder file = new StringBuilder("-- migrator:revision ").append(revision.getKey()).append('\n');
			if (parent != null) {
				file.append("-- migrator:revises ").append(parent).append('\n');
			}
			String body = revision.getValue();
			file.append(body.contains("-- migrator:upgrade") ? body : "-- migrator:upgrade\n" + body);
			Files.writeString(folder.resolve(revision.getKey() + ".sql"), file.toString());
			parent = revision.getKey();
		}
		return "filesystem:" + folder.toAbsolutePath();
	}

	private ChildJob start(Target target, String location, String... more) throws Exception {
		Path log = this.temp.resolve("job-" + this.logs++ + ".log");
		if (more.length == 0) {
			return ChildJob.start(log, target.url, target.user, target.password, location);
		}
		return ChildJob.startUpgrade(log, target.url, target.user, target.password, location, more[0]);
	}

	/** Waits until the query counts at least one row, while the job still runs. */
	private static void awaitCount(Target target, ChildJob job, String sql) throws Exception {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
		while (true) {
			try {
				if (count(target, sql) > 0) {
					return;
				}
			}
			catch (SQLException ex) {
				// SQLite: busy while the job writes, or the table is not there yet.
			}
			assertThat(job.isAlive()).as("the job is still running; its log:\n" + job.log()).isTrue();
			assertThat(System.nanoTime()).as("waiting for: " + sql).isLessThan(deadline);
			Thread.sleep(2);
		}
	}

	private static void killAndAwaitSessionsGone(ChildJob job, Target target) throws Exception {
		job.kill();
		awaitSessionsGone(target);
	}

	/** A killed client's backend may still run its statement: wait until it ended. */
	private static void awaitSessionsGone(Target target) throws Exception {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
		// A backend sleeping in pg_sleep notices its client is gone only at the end: end
		// it.
		execute(target, "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = '" + JOB_NAME
				+ "' AND pid <> pg_backend_pid()");
		while (count(target, "SELECT count(*) FROM pg_stat_activity WHERE application_name = '" + JOB_NAME
				+ "' AND pid <> pg_backend_pid()") > 0) {
			assertThat(System.nanoTime()).as("the killed job's sessions end").isLessThan(deadline);
			Thread.sleep(20);
		}
	}

	private static Map<String, Long> counts(Target target) throws SQLException {
		Map<String, Long> counts = new TreeMap<>();
		try (Connection connection = connect(target);
				Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery("SELECT step, count(*) FROM counter GROUP BY step")) {
			while (rs.next()) {
				counts.put(rs.getString(1), rs.getLong(2));
			}
		}
		return counts;
	}

	private static long count(Target target, String sql) throws SQLException {
		try (Connection connection = connect(target);
				Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery(sql)) {
			rs.next();
			return rs.getLong(1);
		}
	}

	private static void execute(Target target, String sql) throws SQLException {
		try (Connection connection = connect(target); Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

	private static Connection connect(Target target) throws SQLException {
		return target.url.startsWith("jdbc:sqlite:") ? DriverManager.getConnection(target.url)
				: DriverManager.getConnection(target.url, target.user, target.password);
	}

	private record Target(String url, String user, String password) {
	}

}

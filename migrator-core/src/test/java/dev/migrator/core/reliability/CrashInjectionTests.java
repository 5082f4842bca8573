package dev.migrator.core.reliability;

import dev.migrator.testsupport.TestPostgres;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The migration job, killed with SIGKILL at random moments (seeded) and restarted, never
 * leaves a database half-migrated without saying so: after every kill the version table
 * matches the schema (see {@link MigrationStateCheck}), and the restarted job completes
 * with every revision applied once, no INVALID index and every backfilled row changed
 * exactly once. The number of kills is {@code -Dmigrator.reliability.kills} (default: 8
 * on PostgreSQL, 5 on SQLite).
 */
class CrashInjectionTests {

	private static final String JOB_NAME = "crash-job";

	private static final int KILLS_PER_DATABASE = 3;

	private static final long SEED = 7;

	@TempDir
	Path temp;

	private int logs;

	@Test
	void aJobKilledAtRandomMomentsOnPostgresNeverLeavesAnUnannouncedHalfMigration() throws Exception {
		TestPostgres server = TestPostgres.shared();
		List<CrashRevision> revisions = CrashRevisionSets.postgres();
		String location = CrashRevisionSets.write(this.temp.resolve("pg"), revisions);
		CrashReport report = injectCrashes(kills(8), revisions, location, () -> {
			String url = server.createDatabase();
			return new Target(url + (url.contains("?") ? "&" : "?") + "ApplicationName=" + JOB_NAME, server.user(),
					server.password());
		});
		assertThat(report.kills).isEqualTo(kills(8));
	}

	@Test
	void aJobKilledAtRandomMomentsOnSqliteNeverLeavesAnUnannouncedHalfMigration() throws Exception {
		List<CrashRevision> revisions = CrashRevisionSets.sqlite();
		String location = CrashRevisionSets.write(this.temp.resolve("sqlite"), revisions);
		int[] files = { 0 };
		CrashReport report = injectCrashes(kills(5), revisions, location,
				() -> new Target("jdbc:sqlite:" + this.temp.resolve("db-" + files[0]++ + ".db").toAbsolutePath(), "",
						""));
		assertThat(report.kills).isEqualTo(kills(5));
	}

	private static int kills(int regular) {
		return Integer.getInteger("migrator.reliability.kills", regular);
	}

	private CrashReport injectCrashes(int kills, List<CrashRevision> revisions, String location, Databases databases)
			throws Exception {
		Random random = new Random(SEED);
		Target calibration = databases.fresh();
		long started = System.nanoTime();
		assertThat(finish(calibration, location, revisions)).isZero();
		long fullMillis = (System.nanoTime() - started) / 1_000_000;
		CrashReport report = new CrashReport();
		while (report.kills < kills) {
			Target target = databases.fresh();
			report.databases++;
			for (int onThisDatabase = 0; onThisDatabase < KILLS_PER_DATABASE
					&& report.kills < kills; onThisDatabase++) {
				ChildJob job = ChildJob.start(nextLog(), target.url, target.user, target.password, location);
				long delay = 300 + random.nextLong(Math.max(1, fullMillis - 300));
				if (job.awaitExitOrTimeout(delay)) {
					break;
				}
				job.kill();
				report.kills++;
				awaitKilledSessionsGone(target);
				report.landed(checkAfterKill(target, revisions, "after kill " + report.kills));
			}
			assertThat(finish(target, location, revisions)).as("the restarted job completes").isZero();
			report.rowsVerified += CrashRevisionSets.ITEMS;
		}
		System.out.println("Crash injection: " + report);
		return report;
	}

	/** Runs the job to its end, then checks the finished state; returns the exit code. */
	private int finish(Target target, String location, List<CrashRevision> revisions) throws Exception {
		ChildJob job = ChildJob.start(nextLog(), target.url, target.user, target.password, location);
		int exit = job.awaitExit(120);
		assertThat(exit).as(job.log()).isZero();
		try (Connection connection = connect(target)) {
			MigrationStateCheck check = new MigrationStateCheck(connection, revisions);
			assertThat(check.assertConsistent("after the job completed"))
				.containsExactlyElementsOf(revisions.stream().map(CrashRevision::id).toList());
			assertThat(check.invalidIndexes()).as("INVALID indexes").isZero();
			assertThat(check.startedRowsWithoutFinish()).as("unfinished attempts once completed").isZero();
			assertThat(check.count("SELECT count(*) FROM items WHERE counter = 1")).isEqualTo(CrashRevisionSets.ITEMS);
			assertThat(check.count("SELECT count(*) FROM items WHERE counter <> 1")).isZero();
		}
		return exit;
	}

	private String checkAfterKill(Target target, List<CrashRevision> revisions, String when) throws SQLException {
		try (Connection connection = connect(target)) {
			MigrationStateCheck check = new MigrationStateCheck(connection, revisions);
			List<String> applied = check.assertConsistent(when);
			if (applied.size() == revisions.size()) {
				return "after the last revision";
			}
			String next = revisions.get(applied.size()).id();
			if (applied.contains("0005_counter")) {
				return "during the backfill";
			}
			if (check.hasUnfinishedStart(next)) {
				return next + " (started row, no finish)";
			}
			return applied.isEmpty() && !check.tableExists("migrator_history") ? "before the first revision" : next;
		}
	}

	/**
	 * On PostgreSQL, a killed client's session may still run its last statement: wait
	 * until the server ends it.
	 */
	private static void awaitKilledSessionsGone(Target target) throws Exception {
		if (target.url.startsWith("jdbc:sqlite:")) {
			return;
		}
		long deadline = System.nanoTime() + 30_000_000_000L;
		try (Connection connection = connect(target)) {
			MigrationStateCheck check = new MigrationStateCheck(connection, List.of());
			while (check.count("SELECT count(*) FROM pg_stat_activity WHERE application_name = '" + JOB_NAME
					+ "' AND pid <> pg_backend_pid()") > 0) {
				assertThat(System.nanoTime()).as("the killed job's sessions end within 30s").isLessThan(deadline);
				Thread.sleep(20);
			}
		}
	}

	private static Connection connect(Target target) throws SQLException {
		return target.url.startsWith("jdbc:sqlite:") ? DriverManager.getConnection(target.url)
				: DriverManager.getConnection(target.url, target.user, target.password);
	}

	private Path nextLog() {
		return this.temp.resolve("job-" + this.logs++ + ".log");
	}

	private record Target(String url, String user, String password) {
	}

	@FunctionalInterface
	private interface Databases {

		Target fresh() throws Exception;

	}

	private static final class CrashReport {

		int kills;

		int databases;

		long rowsVerified;

		final Map<String, Integer> landings = new TreeMap<>();

		void landed(String where) {
			this.landings.merge(where, 1, Integer::sum);
		}

		@Override
		public String toString() {
			return this.kills + " kills survived on " + this.databases + " databases, " + this.rowsVerified
					+ " backfilled rows verified; kills landed: " + this.landings;
		}

	}

}

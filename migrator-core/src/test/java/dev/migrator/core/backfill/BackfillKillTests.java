package dev.migrator.core.backfill;

import dev.migrator.core.Migrator;
import dev.migrator.core.config.MigratorConfig;
import dev.migrator.testsupport.TestDataSources;
import dev.migrator.testsupport.TestPostgres;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A backfill job killed with SIGKILL in the middle of its run, again and again, still
 * changes every row exactly once: each batch commits together with its progress row, so a
 * restart continues right after the last commit.
 */
class BackfillKillTests {

	private static final int ROWS = 2000;

	private static final int KILLS = 3;

	@TempDir
	Path temp;

	@Test
	void aJobKilledMidRunThreeTimesAppliesEveryRowExactlyOnce() throws Exception {
		TestPostgres server = TestPostgres.shared();
		String url = server.createDatabase();
		DataSource dataSource = TestDataSources.postgres(url, server.user(), server.password());
		BackfillDatabases.createItems(dataSource, ROWS);
		Path revisions = Files.createDirectories(this.temp.resolve("revisions"));
		// An additive update: a row processed twice would show counter = 2, one skipped
		// counter = 0.
		Files.writeString(revisions.resolve("0001_bump.sql"), """
				-- migrator:revision 0001_bump
				-- migrator:phase migrate
				-- migrator:backfill bump
				-- migrator:backfill-table items
				-- migrator:backfill-key id
				-- migrator:backfill-set counter = counter + 1
				-- migrator:backfill-batch-size 20
				-- migrator:backfill-pause 20ms
				""");
		String location = "filesystem:" + revisions.toAbsolutePath();
		Migrator migrator = Migrator.create(MigratorConfig.builder()
			.dataSource(dataSource)
			.locations(location)
			.runBackfillsOnUpgrade(false)
			.build());
		migrator.upgrade("heads");

		List<Long> killedAt = new ArrayList<>();
		long before = 0;
		for (int kill = 0; kill < KILLS; kill++) {
			Process worker = start(url, server, location, "worker-" + kill);
			long target = before + 200;
			long done = awaitRowsDone(migrator, target, worker, "worker-" + kill);
			worker.destroyForcibly();
			assertThat(worker.waitFor(20, TimeUnit.SECONDS)).as("the killed worker is gone").isTrue();
			long after = rowsDone(migrator);
			assertThat(after).as("killed mid-run").isGreaterThanOrEqualTo(done).isLessThan(ROWS);
			killedAt.add(after);
			before = after;
		}
		assertThat(migrator.backfills().status("bump").state()).isEqualTo(BackfillState.RUNNING);

		Process last = start(url, server, location, "worker-last");
		assertThat(last.waitFor(60, TimeUnit.SECONDS)).as("the last worker finishes").isTrue();
		assertThat(last.exitValue()).as(log("worker-last")).isZero();

		assertThat(killedAt).isSorted().allSatisfy((rows) -> assertThat(rows).isBetween(200L, ROWS - 1L));
		assertThat(BackfillDatabases.count(dataSource, "SELECT count(*) FROM items WHERE counter = 1")).isEqualTo(ROWS);
		assertThat(BackfillDatabases.count(dataSource, "SELECT count(*) FROM items WHERE counter <> 1")).isZero();
		BackfillStatus status = migrator.backfills().status("bump");
		assertThat(status.state()).isEqualTo(BackfillState.DONE);
		assertThat(status.rowsDone()).isEqualTo(ROWS);
		assertThat(status.lastKey()).contains(String.valueOf(ROWS));
	}

	private Process start(String url, TestPostgres server, String location, String name) throws Exception {
		String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		return new ProcessBuilder(java, "-cp", classPath, BackfillWorkerMain.class.getName(), url, server.user(),
				server.password(), location, "bump")
			.redirectErrorStream(true)
			.redirectOutput(logFile(name))
			.start();
	}

	private long awaitRowsDone(Migrator migrator, long target, Process worker, String name) throws Exception {
		long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
		while (System.nanoTime() < deadline) {
			long done = rowsDone(migrator);
			if (done >= target) {
				return done;
			}
			if (!worker.isAlive()) {
				throw new AssertionError("The worker ended early; its log:\n" + log(name));
			}
			Thread.sleep(10);
		}
		throw new AssertionError("The worker did not reach " + target + " rows within 60s");
	}

	// Read through the status command, which reads only and finds no progress table
	// before the first worker.
	private static long rowsDone(Migrator migrator) {
		return migrator.backfills().status("bump").rowsDone();
	}

	private File logFile(String name) {
		return this.temp.resolve(name + ".log").toFile();
	}

	private String log(String name) {
		try {
			Path file = this.temp.resolve(name + ".log");
			return Files.exists(file) ? Files.readString(file) : "(no log)";
		}
		catch (Exception ex) {
			return ex.toString();
		}
	}

}

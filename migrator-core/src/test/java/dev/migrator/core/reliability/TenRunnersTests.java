package dev.migrator.core.reliability;

import dev.migrator.testsupport.TestPostgres;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Ten job processes released at the same moment against one PostgreSQL database: one
 * applies every revision, the other nine wait for the run lock and then find nothing to
 * do, and all ten exit with 0.
 */
class TenRunnersTests {

	private static final int RUNNERS = 10;

	@TempDir
	Path temp;

	@Test
	void tenJobsStartedTogetherApplyEachRevisionExactlyOnceAndAllSucceed() throws Exception {
		TestPostgres server = TestPostgres.shared();
		String url = server.createDatabase();
		String location = writeRevisions(this.temp.resolve("revisions"));
		Path startFile = this.temp.resolve("start");
		List<ChildJob> jobs = new ArrayList<>();
		for (int i = 0; i < RUNNERS; i++) {
			jobs.add(ChildJob.start(this.temp.resolve("runner-" + i + ".log"), url, server.user(), server.password(),
					location, startFile.toString()));
		}
		awaitAllWaiting(jobs);
		Files.createFile(startFile);

		List<String> outcomes = new ArrayList<>();
		for (ChildJob job : jobs) {
			assertThat(job.awaitExit(60)).as(job.log()).isZero();
			outcomes.add(job.log().lines().filter((line) -> line.startsWith("applied ")).findFirst().orElse(job.log()));
		}
		assertThat(outcomes).containsOnlyOnce("applied 3").filteredOn("applied 0"::equals).hasSize(RUNNERS - 1);
		try (Connection connection = DriverManager.getConnection(url, server.user(), server.password())) {
			MigrationStateCheck check = new MigrationStateCheck(connection, List.of());
			assertThat(check.count("SELECT count(*) FROM apply_log")).isEqualTo(3);
			assertThat(check.count("SELECT count(DISTINCT revision) FROM apply_log")).isEqualTo(3);
			assertThat(check.count("SELECT count(*) FROM migrator_history WHERE outcome = 'success'")).isEqualTo(3);
			assertThat(check.count("SELECT count(*) FROM migrator_history WHERE outcome <> 'success'")).isZero();
		}
	}

	private static void awaitAllWaiting(List<ChildJob> jobs) throws InterruptedException {
		long deadline = System.nanoTime() + 30_000_000_000L;
		while (!jobs.stream().allMatch((job) -> job.log().contains("waiting for the start file"))) {
			assertThat(jobs).as("every runner is alive").allMatch(ChildJob::isAlive);
			assertThat(System.nanoTime()).as("all runners ready within 30s").isLessThan(deadline);
			Thread.sleep(20);
		}
	}

	private static String writeRevisions(Path folder) throws Exception {
		Files.createDirectories(folder);
		Files.writeString(folder.resolve("0001.sql"), """
				-- migrator:revision 0001_log
				-- migrator:upgrade
				CREATE TABLE apply_log (revision text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now());
				INSERT INTO apply_log (revision) VALUES ('0001_log');
				""");
		Files.writeString(folder.resolve("0002.sql"), """
				-- migrator:revision 0002_slow
				-- migrator:revises 0001_log
				-- migrator:upgrade
				SELECT pg_sleep(0.5);
				INSERT INTO apply_log (revision) VALUES ('0002_slow');
				""");
		Files.writeString(folder.resolve("0003.sql"), """
				-- migrator:revision 0003_last
				-- migrator:revises 0002_slow
				-- migrator:upgrade
				INSERT INTO apply_log (revision) VALUES ('0003_last');
				""");
		return "filesystem:" + folder.toAbsolutePath();
	}

}

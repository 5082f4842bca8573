package dev.migrator.core.reliability;

import dev.migrator.testsupport.TestPostgres;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A job that waits for another runner's lock says at once whom it waits for, rather than
 * logging nothing for up to its whole lock wait.
 */
class LockWaitReportTests {

	@TempDir
	Path temp;

	@Test
	void aJobWaitingForTheRunLockNamesTheSessionThatHoldsIt() throws Exception {
		TestPostgres server = TestPostgres.shared();
		String url = server.createDatabase();
		String separator = url.contains("?") ? "&" : "?";
		Path folder = Files.createDirectories(this.temp.resolve("revisions"));
		Files.writeString(folder.resolve("0001_sleepy.sql"),
				"-- migrator:revision 0001_sleepy\n-- migrator:transactional false\n-- migrator:upgrade\n"
						+ "CREATE TABLE sleep_for (seconds float NOT NULL);\nINSERT INTO sleep_for VALUES (600);\n"
						+ "SELECT pg_sleep(seconds) FROM sleep_for;\n");
		String location = "filesystem:" + folder.toAbsolutePath();

		ChildJob holder = ChildJob.start(this.temp.resolve("holder.log"),
				url + separator + "ApplicationName=holder-job", server.user(), server.password(), location);
		awaitCount(server, url, "SELECT count(*) FROM pg_stat_activity WHERE application_name = 'holder-job' "
				+ "AND query LIKE 'SELECT pg_sleep%' AND state = 'active'", holder);
		ChildJob waiting = ChildJob.start(this.temp.resolve("waiting.log"),
				url + separator + "ApplicationName=waiting-job", server.user(), server.password(), location);
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
		while (!waiting.log().contains("Waiting for the migration lock")) {
			assertThat(waiting.isAlive()).as(waiting.log()).isTrue();
			assertThat(System.nanoTime()).as("the waiting job says so; its log:\n" + waiting.log())
				.isLessThan(deadline);
			Thread.sleep(20);
		}
		assertThat(waiting.log()).contains("held by the session with pid")
			.contains("(application 'holder-job')")
			.contains("connected since")
			.contains("of up to 10min (the lock wait)");

		// The holder's sleep ends and its revision completes; the waiting job then finds
		// nothing left to do.
		execute(server, url, "UPDATE sleep_for SET seconds = 0");
		execute(server, url, "SELECT pg_cancel_backend(pid) FROM pg_stat_activity WHERE application_name = "
				+ "'holder-job' AND query LIKE 'SELECT pg_sleep%'");
		holder.awaitExit(120);
		assertThat(waiting.awaitExit(120)).as(waiting.log()).isZero();
	}

	private static void awaitCount(TestPostgres server, String url, String sql, ChildJob job) throws Exception {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
		while (count(server, url, sql) == 0) {
			assertThat(job.isAlive()).as(job.log()).isTrue();
			assertThat(System.nanoTime()).as("waiting for: " + sql).isLessThan(deadline);
			Thread.sleep(20);
		}
	}

	private static long count(TestPostgres server, String url, String sql) throws SQLException {
		try (Connection connection = server.connect(url);
				Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery(sql)) {
			rs.next();
			return rs.getLong(1);
		}
	}

	private static void execute(TestPostgres server, String url, String sql) throws SQLException {
		try (Connection connection = server.connect(url); Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

}

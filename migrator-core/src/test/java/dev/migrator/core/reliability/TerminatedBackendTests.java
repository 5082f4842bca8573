package dev.migrator.core.reliability;

import dev.migrator.core.Migrator;
import dev.migrator.core.config.MigratorConfig;
import dev.migrator.core.runtime.MigrationFailedException;
import dev.migrator.testsupport.TestDataSources;
import dev.migrator.testsupport.TestPostgres;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * A backend terminated by an administrator (or a failover) while a transactional revision
 * runs: the failure names what the server said, not the closed connection that the
 * clean-up after it met, and the history table keeps the failed attempt.
 */
class TerminatedBackendTests {

	private static final String APPLICATION = "terminated-backend-job";

	@TempDir
	Path temp;

	@Test
	void aTerminatedBackendIsReportedAsSuchAndItsFailureIsRecorded() throws Exception {
		TestPostgres server = TestPostgres.shared();
		String url = server.createDatabase();
		url = url + (url.contains("?") ? "&" : "?") + "ApplicationName=" + APPLICATION;
		Path folder = Files.createDirectories(this.temp.resolve("revisions"));
		Files.writeString(folder.resolve("0001_sleepy.sql"), "-- migrator:revision 0001_sleepy\n"
				+ "-- migrator:upgrade\nCREATE TABLE sleepy (id int);\nSELECT pg_sleep(120);\n");
		Migrator migrator = Migrator.create(MigratorConfig.builder()
			.dataSource(TestDataSources.postgres(url, server.user(), server.password()))
			.locations("filesystem:" + folder.toAbsolutePath())
			.build());

		CompletableFuture<Void> run = CompletableFuture.runAsync(() -> migrator.upgrade("head"));
		String sleeping = "SELECT count(*) FROM pg_stat_activity WHERE application_name = '" + APPLICATION
				+ "' AND query LIKE 'SELECT pg_sleep%' AND state = 'active'";
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
		while (count(server, url, sleeping) == 0) {
			assertThat(run).as("the upgrade still runs").isNotDone();
			assertThat(System.nanoTime()).as("waiting for the revision to sleep").isLessThan(deadline);
			Thread.sleep(10);
		}
		count(server, url, "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE application_name = '"
				+ APPLICATION + "' AND query LIKE 'SELECT pg_sleep%'");

		Throwable thrown = catchThrowable(() -> run.get(60, TimeUnit.SECONDS));
		assertThat(thrown).isInstanceOf(ExecutionException.class);
		Throwable failure = thrown.getCause();
		assertThat(failure).isInstanceOf(MigrationFailedException.class);
		assertThat(failure.getMessage()).contains("0001_sleepy")
			.contains("terminating connection due to administrator command")
			.contains("57P01")
			.contains("no fault of the revision")
			.doesNotContainIgnoringCase("connection has been closed")
			.doesNotContainIgnoringCase("connection is closed");
		assertThat(
				count(server, url,
						"SELECT count(*) FROM migrator_history WHERE revision = '0001_sleepy' AND outcome = 'failed' "
								+ "AND error LIKE '%57P01%'"))
			.as("the failed attempt is in the history table")
			.isEqualTo(1);
		assertThat(count(server, url, "SELECT count(*) FROM pg_tables WHERE tablename = 'sleepy'"))
			.as("the revision was rolled back")
			.isZero();
	}

	private static long count(TestPostgres server, String url, String sql) throws SQLException {
		try (Connection connection = server.connect(url);
				Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery(sql)) {
			rs.next();
			return rs.getLong(1);
		}
	}

}

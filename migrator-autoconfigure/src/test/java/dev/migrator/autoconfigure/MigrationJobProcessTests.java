package dev.migrator.autoconfigure;

import dev.migrator.autoconfigure.jobapp.JobTestApplication;
import dev.migrator.autoconfigure.jpaapp.JpaTestApplication;
import dev.migrator.testsupport.TestPostgres;
import dev.migrator.testsupport.TestReplicaCluster;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The migration job as a Kubernetes Job sees it: a JVM started with the job profile, and
 * its exit code.
 */
class MigrationJobProcessTests {

	private static final long TIMEOUT_SECONDS = 120;

	@TempDir
	Path temp;

	@Test
	void successfulUpgradeExitsZero() throws Exception {
		SqliteFile database = new SqliteFile(this.temp.resolve("app.db"));
		Result result = runJob(database, RevisionFiles.twoTables(this.temp.resolve("revisions")));
		assertThat(result.exitCode()).as(result.output()).isZero();
		assertThat(database.versionRows()).containsExactly("0002_create_orders");
		assertThat(result.output()).contains("Upgraded 2 revision(s)");
	}

	@Test
	void jobEndsEvenWhenTheApplicationKeepsANonDaemonThread() throws Exception {
		SqliteFile database = new SqliteFile(this.temp.resolve("app.db"));
		// Eager beans, so that the thread starts: the job would not make the bean lazily.
		Result result = runJob(database, RevisionFiles.twoTables(this.temp.resolve("revisions")),
				"--jobapp.busy-thread=true", "--spring.main.lazy-initialization=false");
		assertThat(result.exitCode()).as(result.output()).isZero();
		assertThat(database.versionRows()).containsExactly("0002_create_orders");
	}

	@Test
	void failingRevisionExitsOne() throws Exception {
		SqliteFile database = new SqliteFile(this.temp.resolve("app.db"));
		RevisionFiles revisions = RevisionFiles.twoTables(this.temp.resolve("revisions"))
			.failing("0003_fails", "0002_create_orders");
		Result result = runJob(database, revisions);
		assertThat(result.exitCode()).as(result.output()).isEqualTo(1);
		assertThat(result.output()).contains("Upgrade of revision 0003_fails");
		assertThat(database.versionRows()).containsExactly("0002_create_orders");
	}

	@Test
	void checkWithPendingRevisionsExitsTwo() throws Exception {
		SqliteFile database = new SqliteFile(this.temp.resolve("app.db"));
		Result result = runJob(database, RevisionFiles.twoTables(this.temp.resolve("revisions")),
				"--migrator.job.command=check");
		assertThat(result.exitCode()).as(result.output()).isEqualTo(2);
		assertThat(result.output()).contains("2 revision(s) pending");
	}

	@Test
	void sqlWritesTheScriptAloneToStandardOutput() throws Exception {
		SqliteFile database = new SqliteFile(this.temp.resolve("app.db"));
		Result result = runJob(database, RevisionFiles.twoTables(this.temp.resolve("revisions")),
				"--migrator.job.command=sql");
		assertThat(result.exitCode()).as(result.output()).isZero();
		assertThat(result.output()).contains("CREATE TABLE people")
			.doesNotContain(":: Spring Boot ::")
			.doesNotContain(" INFO ");
		assertThat(database.tables()).isEmpty();
	}

	@Test
	void invalidPropertyExitsOneWithFailureAnalysis() throws Exception {
		SqliteFile database = new SqliteFile(this.temp.resolve("app.db"));
		Result result = runJob(database, RevisionFiles.twoTables(this.temp.resolve("revisions")),
				"--migrator.lock-wait=-1s");
		assertThat(result.exitCode()).as(result.output()).isEqualTo(1);
		assertThat(result.output()).contains("APPLICATION FAILED TO START")
			.contains("The lock wait cannot be negative");
		assertThat(database.tables()).isEmpty();
	}

	@Test
	void withoutTheProfileTheApplicationWritesNothing() throws Exception {
		SqliteFile database = new SqliteFile(this.temp.resolve("app.db"));
		Result result = run(database, RevisionFiles.twoTables(this.temp.resolve("revisions")));
		assertThat(result.exitCode()).as(result.output()).isZero();
		assertThat(result.output()).contains("Started JobTestApplication").doesNotContain("Migration job");
		assertThat(database.tables()).isEmpty();
	}

	@Test
	void misspeltPropertyFailsTheJobNamingTheKeyAndTheNameMeant() throws Exception {
		SqliteFile database = new SqliteFile(this.temp.resolve("app.db"));
		Result result = runJob(database, RevisionFiles.twoTables(this.temp.resolve("revisions")),
				"--migrator.job.comand=check");
		assertThat(result.exitCode()).as(result.output()).isEqualTo(1);
		assertThat(result.output()).contains("APPLICATION FAILED TO START")
			.contains("Unknown property migrator.job.comand (in commandLineArgs): did you mean migrator.job.command?")
			.contains("Correct the migrator.* property");
		assertThat(database.tables()).isEmpty();
	}

	@Test
	void misspeltListPropertyFailsTheJob() throws Exception {
		SqliteFile database = new SqliteFile(this.temp.resolve("app.db"));
		Result result = runJob(database, RevisionFiles.twoTables(this.temp.resolve("revisions")),
				"--migrator.location=classpath:db/other");
		assertThat(result.exitCode()).as(result.output()).isEqualTo(1);
		assertThat(result.output()).contains("Unknown property migrator.location")
			.contains("did you mean migrator.locations?");
		assertThat(database.tables()).isEmpty();
	}

	@Test
	void disabledMigratorFailsTheJobInsteadOfDoingNothing() throws Exception {
		SqliteFile database = new SqliteFile(this.temp.resolve("app.db"));
		Result result = runJob(database, RevisionFiles.twoTables(this.temp.resolve("revisions")),
				"--migrator.enabled=false");
		assertThat(result.exitCode()).as(result.output()).isEqualTo(1);
		assertThat(result.output()).contains("APPLICATION FAILED TO START")
			.contains("migrator.enabled is false: the job would do nothing");
	}

	@Test
	void withoutTheProfileAMisspeltPropertyIsAWarning() throws Exception {
		SqliteFile database = new SqliteFile(this.temp.resolve("app.db"));
		Result result = run(database, RevisionFiles.twoTables(this.temp.resolve("revisions")),
				"--migrator.job.comand=check");
		assertThat(result.exitCode()).as(result.output()).isZero();
		assertThat(result.output()).containsPattern(
				"WARN .*Unknown property migrator.job.comand \\(in commandLineArgs\\): did you mean migrator.job.command\\? "
						+ "It is ignored.");
	}

	@Test
	void jobOfAJpaApplicationThatValidatesTheSchemaRunsOnAFreshDatabase() throws Exception {
		try (TestReplicaCluster cluster = TestReplicaCluster.start()) {
			String database = cluster.createDatabase();
			Result result = run(JpaTestApplication.class, cluster.primaryUrl(database),
					RevisionFiles.twoTables(this.temp.resolve("revisions")), "--spring.profiles.active=migrate",
					"--spring.jpa.hibernate.ddl-auto=validate");
			assertThat(result.exitCode()).as(result.output()).isZero();
			assertThat(result.output()).contains("Upgraded 2 revision(s)");
			try (Connection connection = cluster.connectPrimary(database);
					Statement statement = connection.createStatement();
					ResultSet rows = statement.executeQuery("SELECT version_num FROM migrator_version")) {
				assertThat(rows.next()).isTrue();
				assertThat(rows.getString(1)).isEqualTo("0002_create_orders");
			}
			Result web = run(JpaTestApplication.class, cluster.primaryUrl(database),
					RevisionFiles.twoTables(this.temp.resolve("revisions")), "--spring.jpa.hibernate.ddl-auto=validate",
					"--spring.main.web-application-type=none");
			assertThat(web.exitCode()).as("the application validates the schema the job created:%n%s", web.output())
				.isZero();
		}
	}

	@Test
	void unreachableDatabaseIsNamedWithoutCredentialsAndNothingElseDistracts() throws Exception {
		// Nothing listens on a port just found free: the connection is refused.
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		RevisionFiles.twoTables(this.temp.resolve("revisions").resolve("postgresql"));
		String url = "jdbc:postgresql://127.0.0.1:" + port + "/app?user=alice&password=s3cr3t&sslmode=disable";
		Result result = run(JobTestApplication.class, url,
				RevisionFiles.in(this.temp.resolve("revisions").resolve("{dialect}")),
				"--spring.profiles.active=migrate");
		assertThat(result.exitCode()).as(result.output()).isEqualTo(1);
		assertThat(result.output()).as(result.output())
			.contains(
					"Could not connect to the database at jdbc:postgresql://127.0.0.1:" + port + "/app?sslmode=disable")
			.doesNotContain("s3cr3t")
			.doesNotContain("alice")
			.doesNotContain("refused an operation of the migrator itself")
			.doesNotContain("Set the dialect")
			.doesNotContain("pg_monitor")
			.doesNotContain("pg_stat_replication");
	}

	@Test
	void aShutdownSignalDuringARevisionSaysWhatWasInterruptedAndWhatTheDatabaseDoes() throws Exception {
		TestPostgres server = TestPostgres.shared();
		String url = server.createDatabase();
		url = url + (url.contains("?") ? "&" : "?") + "ApplicationName=sigterm-job";
		RevisionFiles revisions = RevisionFiles.in(this.temp.resolve("revisions"))
			.file("0001_sleepy.sql", "-- migrator:revision 0001_sleepy\n-- migrator:upgrade\n"
					+ "CREATE TABLE sleepy (id integer);\nSELECT pg_sleep(600);\n");
		Path log = Files.createTempFile(this.temp, "job", ".log");
		Process process = start(JobTestApplication.class, url, revisions, log, "--spring.profiles.active=migrate",
				"--spring.datasource.username=" + server.user(), "--spring.datasource.password=" + server.password());
		try {
			long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
			while (count(server, url, "SELECT count(*) FROM pg_stat_activity WHERE application_name = 'sigterm-job' "
					+ "AND query LIKE 'SELECT pg_sleep%' AND state = 'active'") == 0) {
				assertThat(process.isAlive()).as(Files.readString(log)).isTrue();
				assertThat(System.nanoTime()).as("the revision runs; the log:%n%s", Files.readString(log))
					.isLessThan(deadline);
				Thread.sleep(20);
			}
			// SIGTERM, as Kubernetes sends when it ends a pod.
			process.destroy();
			assertThat(process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)).as(Files.readString(log)).isTrue();
		}
		finally {
			process.destroyForcibly();
			count(server, url, "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE "
					+ "application_name = 'sigterm-job' AND pid <> pg_backend_pid()");
		}
		assertThat(Files.readString(log)).contains("shutting down")
			.contains("revision 0001_sleepy")
			.contains("statement at line 4")
			.contains("rolls back");
	}

	private Result runJob(SqliteFile database, RevisionFiles revisions, String... extraArguments)
			throws IOException, InterruptedException {
		List<String> arguments = new ArrayList<>(List.of("--spring.profiles.active=migrate"));
		arguments.addAll(List.of(extraArguments));
		return run(database, revisions, arguments.toArray(String[]::new));
	}

	private Result run(SqliteFile database, RevisionFiles revisions, String... extraArguments)
			throws IOException, InterruptedException {
		return run(JobTestApplication.class, database.url(), revisions, extraArguments);
	}

	Result run(Class<?> application, String url, RevisionFiles revisions, String... extraArguments)
			throws IOException, InterruptedException {
		Path log = Files.createTempFile(this.temp, "job", ".log");
		Process process = start(application, url, revisions, log, extraArguments);
		boolean ended = process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS);
		if (!ended) {
			process.destroyForcibly().waitFor();
		}
		String output = Files.readString(log, StandardCharsets.UTF_8);
		assertThat(ended).as("the job ended within %d s:%n%s", TIMEOUT_SECONDS, output).isTrue();
		return new Result(process.exitValue(), output);
	}

	private static Process start(Class<?> application, String url, RevisionFiles revisions, Path log,
			String... extraArguments) throws IOException {
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		List<String> command = new ArrayList<>(
				// Less JIT and GC work while the JVM starts, about half its CPU time on a
				// small machine; neither changes what the job does.
				List.of(java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp",
						System.getProperty("java.class.path"), application.getName(), "--spring.datasource.url=" + url,
						"--migrator.locations=" + revisions.location()));
		command.addAll(List.of(extraArguments));
		// To a file, not a pipe: a job that hangs must fail the test, not block the read.
		return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
	}

	private static long count(TestPostgres server, String url, String sql) throws SQLException {
		try (Connection connection = server.connect(url);
				Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery(sql)) {
			rows.next();
			return rows.getLong(1);
		}
	}

	record Result(int exitCode, String output) {
	}

}

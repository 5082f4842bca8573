package dev.migrator.core.fleet;

import dev.migrator.testsupport.TestDataSources;
import dev.migrator.testsupport.TestPostgres;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Three job processes share one fleet run of 200 tenant schemas and 10 tenant databases
 * through the run table; one is SIGKILLed part way, and its targets are taken over once
 * their leases expire. One more job afterwards finds the run done. Every tenant ends at
 * the head with each revision applied exactly once, and nothing but the run table (and
 * the list of tenant databases) is in the shared schema. A bigger fleet runs with
 * {@code -Dfleet.scale.schemas=1000 -Dfleet.scale.databases=50}.
 */
class SharedFleetRunTests {

	private static final int SCHEMAS = Integer.getInteger("fleet.scale.schemas", 200);

	private static final int DATABASES = Integer.getInteger("fleet.scale.databases", 10);

	private static final int TARGETS = SCHEMAS + DATABASES;

	private static final long LEASE_SECONDS = 3;

	@TempDir
	Path temp;

	@Test
	void threeProcessesShareTheRunAndAKilledOnesTargetsAreTakenOverAndAppliedOnce() throws Exception {
		TestPostgres server = TestPostgres.shared();
		String url = server.createDatabase();
		FleetDatabase database = new FleetDatabase(TestDataSources.postgres(url, server.user(), server.password()));
		database.createTenants(SCHEMAS);
		database.execute("CREATE TABLE tenant_databases (position integer, url text)");
		List<String> tenantDatabases = new ArrayList<>();
		for (int i = 0; i < DATABASES; i++) {
			String tenantUrl = server.createDatabase();
			tenantDatabases.add(tenantUrl);
			database.execute("INSERT INTO tenant_databases VALUES (" + i + ", '" + tenantUrl + "')");
		}
		String location = FleetDatabase.writeRevisions(this.temp.resolve("revisions"), 0.02);
		List<Process> jobs = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			jobs.add(start(i, url, server, location));
		}
		Process victim = jobs.get(0);
		String victimOwner = "/" + victim.pid() + "/";
		awaitCondition(
				() -> database.count("SELECT count(*) FROM migrator_version_fleet WHERE state = 'succeeded'") >= 10
						&& database.count(
								"SELECT count(*) FROM migrator_version_fleet WHERE state = 'running' AND owner LIKE '%"
										+ victimOwner + "%'") > 0,
				"the first job to run targets part way");
		victim.destroyForcibly();
		assertThat(victim.waitFor(20, TimeUnit.SECONDS)).isTrue();
		List<String> orphans = database.strings("SELECT target FROM migrator_version_fleet WHERE state = 'running' "
				+ "AND owner LIKE '%" + victimOwner + "%'");

		for (int i = 1; i < 3; i++) {
			assertThat(exit(jobs.get(i), i)).as(log(i)).isZero();
		}
		Process last = start(3, url, server, location);
		assertThat(exit(last, 3)).as(log(3)).isZero();
		assertThat(log(3)).contains("SUCCEEDED=" + TARGETS);

		assertThat(database.count("SELECT count(*) FROM migrator_version_fleet WHERE state = 'succeeded'"))
			.isEqualTo(TARGETS);
		assertThat(database.count("SELECT count(*) FROM migrator_version_fleet WHERE kind = 'database'"))
			.isEqualTo(DATABASES);
		for (String orphan : orphans) {
			assertThat(database.strings("SELECT owner FROM migrator_version_fleet WHERE target = '" + orphan + "'"))
				.singleElement()
				.asString()
				.doesNotContain(victimOwner);
		}
		for (String tenant : database.strings(FleetDatabase.QUERY)) {
			assertThat(database.strings("SELECT version_num FROM " + tenant + ".migrator_version"))
				.containsExactly("r3");
			assertThat(database.count("SELECT count(*) FROM " + tenant + ".migrator_history WHERE outcome = 'success' "
					+ "AND direction = 'upgrade'"))
				.as(tenant)
				.isEqualTo(3);
			assertThat(database.count("SELECT count(DISTINCT revision) FROM " + tenant + ".migrator_history "
					+ "WHERE outcome = 'success'"))
				.as(tenant)
				.isEqualTo(3);
			assertThat(database.count("SELECT count(*) FROM " + tenant + ".accounts")).as(tenant).isOne();
		}
		for (String tenantUrl : tenantDatabases) {
			FleetDatabase tenant = new FleetDatabase(
					TestDataSources.postgres(tenantUrl, server.user(), server.password()));
			assertThat(tenant.strings("SELECT version_num FROM migrator_version")).as(tenantUrl).containsExactly("r3");
			assertThat(tenant.count(
					"SELECT count(*) FROM migrator_history WHERE outcome = 'success' " + "AND direction = 'upgrade'"))
				.as(tenantUrl)
				.isEqualTo(3);
			assertThat(tenant.count("SELECT count(DISTINCT revision) FROM migrator_history WHERE outcome = 'success'"))
				.as(tenantUrl)
				.isEqualTo(3);
			assertThat(tenant.count("SELECT count(*) FROM accounts")).as(tenantUrl).isOne();
		}
		assertThat(database.tables("public")).containsExactly("migrator_version_fleet", "tenant_databases");
	}

	private Process start(int index, String url, TestPostgres server, String location) throws Exception {
		String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		return new ProcessBuilder(java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp", classPath,
				FleetJobMain.class.getName(), url, server.user(), server.password(), location,
				String.valueOf(LEASE_SECONDS))
			.redirectErrorStream(true)
			.redirectOutput(logFile(index).toFile())
			.start();
	}

	private int exit(Process process, int index) throws Exception {
		if (!process.waitFor(Math.max(180, TARGETS), TimeUnit.SECONDS)) {
			process.destroyForcibly();
			throw new AssertionError("job " + index + " did not finish; its log:\n" + log(index));
		}
		return process.exitValue();
	}

	private Path logFile(int index) {
		return this.temp.resolve("job-" + index + ".log");
	}

	private String log(int index) throws Exception {
		return Files.exists(logFile(index)) ? Files.readString(logFile(index)) : "(no log)";
	}

	private static void awaitCondition(java.util.function.BooleanSupplier condition, String what)
			throws InterruptedException {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
		while (!safely(condition)) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError("waited 120s for " + what);
			}
			Thread.sleep(20);
		}
	}

	private static boolean safely(java.util.function.BooleanSupplier condition) {
		try {
			return condition.getAsBoolean();
		}
		catch (IllegalStateException ex) {
			// The run table does not exist before the first job registered the run.
			return false;
		}
	}

}

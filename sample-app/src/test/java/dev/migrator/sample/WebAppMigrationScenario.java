package dev.migrator.sample;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A rollout as Kubernetes sees it: the new version of the web app starts against a
 * database that lacks its revisions, the migration job runs beside it, and the running
 * web app turns ready. The scenario runs once per database (one web app process, one
 * job); each test checks one part of what the app showed over HTTP on the way.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class WebAppMigrationScenario {

	/** How long the health indicator and the metrics may take to see the job's work. */
	private static final Duration CATCH_UP_LIMIT = Duration.ofSeconds(20);

	Path workingDirectory;

	SampleJar sampleJar;

	WebApp app;

	private Set<String> tablesBeforeStart;

	private Set<String> versionRowsBeforeStart;

	private List<String> historyBeforeStart;

	private Set<String> tablesWhileServing;

	private Set<String> versionRowsWhileServing;

	private List<String> historyWhileServing;

	private HttpAnswer readinessBefore;

	private HttpAnswer readyzBefore;

	private HttpAnswer livenessBefore;

	private HttpAnswer livezBefore;

	private HttpAnswer healthBefore;

	private HttpAnswer endpointBefore;

	private HttpAnswer prometheusBefore;

	private ProcessRun job;

	private HttpAnswer readinessAfter;

	/** The database, read by the tests directly. */
	abstract Database database();

	/** Arguments that start the web app on the database (no job profile). */
	abstract String[] webAppArguments();

	/** Arguments that run the migration job on the database. */
	abstract String[] jobArguments();

	/** {@code sqlite} or {@code postgresql}: the folder the app's revisions come from. */
	abstract String dialect();

	/** Brings the database to where the scenario starts, before the web app starts. */
	abstract void prepareDatabase() throws Exception;

	/** The database's revision when the web app starts; null for a fresh database. */
	abstract String revisionAtStart();

	private List<String> pendingAtStart() {
		return (revisionAtStart() != null) ? Revisions.after(revisionAtStart()) : Revisions.ALL;
	}

	@BeforeAll
	void startTheWebAppThenRunTheJobBesideIt(@TempDir Path workingDirectory) throws Exception {
		this.workingDirectory = workingDirectory;
		this.sampleJar = SampleJar.extracted(this.workingDirectory);
		prepareDatabase();
		this.tablesBeforeStart = database().tables();
		this.versionRowsBeforeStart = database().versionRows();
		this.historyBeforeStart = database().history();

		this.app = this.sampleJar.startWebApp(webAppArguments());
		this.readinessBefore = this.app.get("/actuator/health/readiness");
		this.readyzBefore = this.app.get("/readyz");
		this.livenessBefore = this.app.get("/actuator/health/liveness");
		this.livezBefore = this.app.get("/livez");
		this.healthBefore = this.app.get("/actuator/health");
		this.endpointBefore = this.app.get("/actuator/migrator");
		this.prometheusBefore = this.app.get("/actuator/prometheus");
		this.tablesWhileServing = database().tables();
		this.versionRowsWhileServing = database().versionRows();
		this.historyWhileServing = database().history();

		this.job = this.sampleJar.run(jobArguments());
		assertThat(this.job.exitCode()).as("the migration job's exit code; its output:%n%s", this.job.output())
			.isZero();
		this.readinessAfter = this.app.pollUntil(CATCH_UP_LIMIT, () -> this.app.get("/actuator/health/readiness"),
				(answer) -> answer.status() == 200);
	}

	@AfterAll
	void stopTheWebApp() throws InterruptedException {
		if (this.app != null) {
			this.app.close();
		}
	}

	@Test
	void whileRevisionsArePendingReadinessIsDownAndHealthListsThem() {
		assertThat(this.readinessBefore.status()).as(this.readinessBefore.toString()).isEqualTo(503);
		assertThat((String) this.readinessBefore.json("$.status")).isEqualTo("DOWN");
		assertThat(this.readyzBefore.status()).as(this.readyzBefore.toString()).isEqualTo(503);
		assertThat((String) this.healthBefore.json("$.components.migrator.status")).isEqualTo("DOWN");
		List<String> needed = new ArrayList<>(pendingAtStart());
		needed.removeAll(Revisions.CONTRACT);
		assertThat(this.healthBefore.strings("$.components.migrator.details.pending"))
			.as("what the code needs: all but the contract revisions")
			.containsExactlyElementsOf(needed);
		assertThat(this.healthBefore.strings("$.components.migrator.details.pendingContract"))
			.containsExactlyElementsOf(pendingAtStart().stream().filter(Revisions.CONTRACT::contains).toList());
		assertThat(this.healthBefore.strings("$.components.migrator.details.heads")).containsExactly(Revisions.HEAD);
		assertThat(this.endpointBefore.strings("$.pending[*].id")).containsExactlyElementsOf(pendingAtStart());
		assertThat(this.endpointBefore.strings("$.current"))
			.containsExactlyElementsOf((revisionAtStart() != null) ? List.of(revisionAtStart()) : List.of());
	}

	@Test
	void livenessStaysUpAndLeavesTheMigratorIndicatorOut() {
		// The overall health is DOWN because of the pending revisions alone; liveness
		// must not follow it.
		assertThat((String) this.healthBefore.json("$.status")).isEqualTo("DOWN");
		assertThat(this.livenessBefore.status()).as(this.livenessBefore.toString()).isEqualTo(200);
		assertThat((String) this.livenessBefore.json("$.status")).isEqualTo("UP");
		assertThat(this.livenessBefore.body()).doesNotContain("migrator");
		assertThat(this.livezBefore.status()).as(this.livezBefore.toString()).isEqualTo(200);
		assertThat(this.livezBefore.body()).doesNotContain("migrator");
	}

	@Test
	void theWebAppReadsTheSchemaStateAndWritesOnlyItsClientRecord() {
		Set<String> created = new java.util.TreeSet<>(this.tablesWhileServing);
		created.removeAll(this.tablesBeforeStart);
		assertThat(created).as("the clients table, where the running instance records itself, is the one exception")
			.isSubsetOf("migrator_clients");
		assertThat(this.tablesWhileServing).containsAll(this.tablesBeforeStart);
		assertThat(this.versionRowsWhileServing).isEqualTo(this.versionRowsBeforeStart);
		assertThat(this.historyWhileServing).isEqualTo(this.historyBeforeStart);
		if (revisionAtStart() == null) {
			assertThat(this.tablesWhileServing).doesNotContain("migrator_version", "migrator_history");
		}
	}

	@Test
	void runningTheJobTurnsTheRunningWebAppReady() {
		assertThat(this.job.output()).contains("Upgraded " + pendingAtStart().size() + " revision(s)");
		assertThat(this.readinessAfter.status()).as(this.readinessAfter.toString()).isEqualTo(200);
		assertThat((String) this.readinessAfter.json("$.status")).isEqualTo("UP");
		// The same process, never restarted, that never ran a migration itself.
		assertThat(this.app.isAlive()).isTrue();
		assertThat(this.app.log()).containsOnlyOnce("Started SampleApplication").doesNotContain("Migration job");
		assertThat(this.app.get("/readyz").status()).isEqualTo(200);
		HttpAnswer health = this.app.get("/actuator/health");
		assertThat((String) health.json("$.components.migrator.status")).isEqualTo("UP");
		assertThat(health.strings("$.components.migrator.details.current")).containsExactly(Revisions.HEAD);
	}

	@Test
	void theEndpointShowsCurrentHeadsPendingHistoryAndChecksums() {
		HttpAnswer endpoint = this.app.get("/actuator/migrator");

		assertThat(endpoint.status()).as(endpoint.toString()).isEqualTo(200);
		assertThat(endpoint.strings("$.current")).containsExactly(Revisions.HEAD);
		assertThat(endpoint.strings("$.heads[*].id")).containsExactly(Revisions.HEAD);
		assertThat(endpoint.strings("$.heads[*].phase")).containsExactly("contract");
		assertThat(endpoint.strings("$.pending")).isEmpty();
		assertThat(endpoint.strings("$.unknownRevisions")).isEmpty();
		// Newest first: the job's steps, latest at the top.
		List<String> applied = new ArrayList<>(pendingAtStart());
		Collections.reverse(applied);
		assertThat(endpoint.strings("$.history[?(@.outcome == 'success')].revision"))
			.startsWith(applied.toArray(String[]::new));
		// A non-transactional revision also has the entry written before its statements
		// ran.
		assertThat(endpoint.strings("$.history[*].outcome")).isSubsetOf("success", "started");
		assertThat(endpoint.strings("$.history[?(@.outcome == 'started')].revision"))
			.allSatisfy((revision) -> assertThat(nonTransactionalRevisions()).contains(revision));
		assertThat(endpoint.strings("$.history[*].direction")).containsOnly("upgrade");
		List<Object> durations = endpoint.json("$.history[*].durationMs");
		assertThat(durations).isNotEmpty()
			.allSatisfy((duration) -> assertThat(((Number) duration).longValue()).isNotNegative());
		assertThat(endpoint.strings("$.history[*].startedAt")).doesNotContain("null");
		assertThat(endpoint.strings("$.history[*].finishedAt")).doesNotContain("null");
		assertThat((String) endpoint.json("$.checksums.status")).isEqualTo("ok");
		assertThat(endpoint.strings("$.checksums.mismatches")).isEmpty();
		// The name split's backfill ran with the upgrade, before anything after its
		// revision.
		assertThat(endpoint.strings("$.backfills[*].name")).containsExactly("split_name");
		assertThat(endpoint.strings("$.backfills[*].revision")).containsExactly("0003_split_name_backfill");
		assertThat(endpoint.strings("$.backfills[*].state")).containsExactly("done");
		assertThat(endpoint.strings("$.replicas")).isEmpty();
	}

	@Test
	void theEndpointDescribesOneRevisionAndAnswers404ForAnUnknownOne() {
		HttpAnswer detail = this.app.get("/actuator/migrator/0001_initial");

		assertThat(detail.status()).as(detail.toString()).isEqualTo(200);
		assertThat((String) detail.json("$.id")).isEqualTo("0001_initial");
		assertThat(detail.strings("$.revises")).isEmpty();
		assertThat((String) detail.json("$.message")).isEqualTo("users and orders");
		assertThat((String) detail.json("$.location"))
			.isEqualTo("classpath:db/revisions/" + dialect() + "/0001_initial.sql");
		assertThat((String) detail.json("$.checksum")).matches("[0-9a-f]{64}");
		assertThat((Boolean) detail.json("$.applied")).isTrue();
		assertThat((Boolean) detail.json("$.hasDowngrade")).isTrue();
		assertThat((Boolean) detail.json("$.transactional")).isTrue();

		HttpAnswer head = this.app.get("/actuator/migrator/" + Revisions.HEAD);
		assertThat(head.strings("$.revises")).containsExactly("0008_split_name_not_null");
		assertThat((String) head.json("$.phase")).isEqualTo("contract");
		assertThat((Boolean) head.json("$.applied")).isTrue();

		assertThat(this.app.get("/actuator/migrator/0042_no_such_revision").status()).isEqualTo(404);
	}

	@Test
	void prometheusShowsThePendingAndCurrentRevisionGauges() throws InterruptedException {
		assertThat(this.prometheusBefore.body()).contains("# TYPE migrator_revisions_pending gauge")
			.contains("migrator_revisions_pending " + pendingAtStart().size() + ".0");

		// The gauges read the database at most every 5 s, and the current-revision series
		// follow those reads.
		String current = "migrator_revision_current{revision=\"" + Revisions.HEAD + "\"} 1.0";
		String pending = "migrator_revisions_pending 0.0";
		HttpAnswer after = this.app.pollUntil(CATCH_UP_LIMIT, () -> this.app.get("/actuator/prometheus"),
				(answer) -> answer.body().contains(current) && answer.body().contains(pending));

		assertThat(after.body()).contains(current).contains(pending);
		HttpAnswer names = this.app.get("/actuator/metrics");
		assertThat(names.strings("$.names")).contains("migrator.revisions.pending", "migrator.revision.current");
	}

	@Test
	void theApplicationsOwnApiWorksOnTheMigratedSchema() {
		HttpAnswer created = this.app.post("/users",
				"{\"firstName\":\"Grace\",\"lastName\":\"Hopper\",\"email\":\"grace@example.com\"}");

		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		assertThat((String) created.json("$.firstName")).isEqualTo("Grace");
		assertThat((String) created.json("$.status")).isEqualTo("active");
		int id = created.json("$.id");
		assertThat(this.app.get("/users").strings("$[*].email")).contains("grace@example.com");

		HttpAnswer order = this.app.post("/orders", "{\"userId\":" + id + ",\"totalCents\":4200}");
		assertThat(order.status()).as(order.toString()).isEqualTo(201);
		assertThat(this.app.get("/users/" + id + "/orders").strings("$[*].totalCents")).containsExactly("4200");

		HttpAnswer duplicate = this.app.post("/users",
				"{\"firstName\":\"Grace\",\"lastName\":\"Murray\",\"email\":\"grace@example.com\"}");
		assertThat(duplicate.status()).as(duplicate.toString()).isEqualTo(409);
		assertThat(duplicate.body()).doesNotContain("Hopper");
	}

	@Test
	void theEndpointOffersNoOperationThatWrites() {
		Set<String> rows = database().versionRows();
		List<String> history = database().history();

		assertThat(this.app.post("/actuator/migrator", "{\"target\":\"base\"}").status()).isBetween(400, 499);
		assertThat(this.app.delete("/actuator/migrator").status()).isBetween(400, 499);
		assertThat(this.app.post("/actuator/migrator/" + Revisions.HEAD, "{}").status()).isBetween(400, 499);
		assertThat(this.app.delete("/actuator/migrator/" + Revisions.HEAD).status()).isBetween(400, 499);

		assertThat(database().versionRows()).isEqualTo(rows).containsExactly(Revisions.HEAD);
		assertThat(database().history()).isEqualTo(history);
	}

	@Test
	void neitherTheEndpointNorHealthShowsCredentialsOrTheJdbcUrl() {
		for (String path : List.of("/actuator/migrator", "/actuator/migrator/0001_initial", "/actuator/health",
				"/actuator/health/readiness")) {
			String body = this.app.get(path).body();
			assertThat(body).as(path).doesNotContainIgnoringCase("jdbc:").doesNotContainIgnoringCase("password");
			secrets().forEach((secret) -> assertThat(body).as(path).doesNotContain(secret));
		}
	}

	/** The revisions that run outside a transaction on this database. */
	List<String> nonTransactionalRevisions() {
		return List.of();
	}

	/** Values that must never appear in an HTTP answer. */
	List<String> secrets() {
		return List.of();
	}

}

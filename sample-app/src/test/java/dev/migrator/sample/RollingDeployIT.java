package dev.migrator.sample;

import dev.migrator.testsupport.TestReplicaCluster;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.jar.JarFile;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A rehearsal of a real rolling deploy of the sample app's name split, played the way
 * Kubernetes plays it, against PostgreSQL with a streaming replica and with the app's jar
 * in child JVMs: two instances of the old version (which reads and writes
 * {@code full_name} only, and knows only the revisions it shipped) serve a bounded load
 * of clients; the expand job runs and stops before what waits for the backfill (exit 3);
 * two instances of the new version start and stay out of the Service; the backfill job
 * fills the new columns while the replica makes it wait; the expand job finishes and the
 * new instances turn ready; the old instances drain and stop one by one, and the contract
 * job is refused while one lives and succeeds after. Then the rows are checked: every
 * request answered, every name split right, no top-up lost, every row filled exactly
 * once. It runs twice: with the old instances on the owner's role, and on a role that may
 * not create tables.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RollingDeployIT {

	/** Users the old version wrote before the rollout. */
	private static final int SEEDED_USERS = 300;

	private static final long SEEDED_ORDER_CENTS = 1_000;

	/** How long an instance may take to turn ready once what it needs is there. */
	private static final Duration READY_LIMIT = Duration.ofSeconds(45);

	private static final Duration DRAIN_LIMIT = Duration.ofSeconds(10);

	private static final Duration STOP_LIMIT = Duration.ofSeconds(20);

	private TestReplicaCluster cluster;

	@BeforeAll
	void startPrimaryAndReplica() {
		this.cluster = TestReplicaCluster.start();
	}

	@AfterAll
	void stopPrimaryAndReplica() {
		if (this.cluster != null) {
			this.cluster.close();
		}
	}

	@Test
	void rollingDeployWithTheOldVersionOnTheOwnersRole(@TempDir Path workingDirectory) throws Exception {
		rehearse(workingDirectory, false);
	}

	@Test
	void rollingDeployWithTheOldVersionOnARoleThatMayNotCreateTables(@TempDir Path workingDirectory) throws Exception {
		rehearse(workingDirectory, true);
	}

	private void rehearse(Path workingDirectory, boolean restrictedOldRole) throws Exception {
		Rehearsal rehearsal = new Rehearsal(workingDirectory, restrictedOldRole);
		try {
			rehearsal.play();
		}
		finally {
			rehearsal.close();
		}
	}

	/** One play of the rollout, on a database of its own. */
	private final class Rehearsal implements AutoCloseable {

		private final SampleJar sampleJar;

		private final boolean restrictedOldRole;

		private final String database;

		private final String baseUrl;

		private final Path oldRevisions;

		private final List<WebApp> apps = new ArrayList<>();

		private final Service service = new Service();

		private final List<String> report = new ArrayList<>();

		private final long began = System.nanoTime();

		private String oldUser;

		private String oldPassword;

		Rehearsal(Path workingDirectory, boolean restrictedOldRole) throws IOException {
			this.sampleJar = SampleJar.extracted(workingDirectory);
			this.restrictedOldRole = restrictedOldRole;
			this.database = RollingDeployIT.this.cluster.createDatabase();
			String url = RollingDeployIT.this.cluster.primaryUrl(this.database);
			this.baseUrl = url.contains("?") ? url.substring(0, url.indexOf('?')) : url;
			this.oldRevisions = shipOldRevisions(workingDirectory.resolve("release-1.0"));
		}

		/**
		 * Prints where the rehearsal is, so that a slow step shows in the build's log.
		 */
		private void step(String what) {
			System.out.printf("[rolling deploy +%6d ms] %s%n", since(this.began).toMillis(), what);
		}

		void play() throws Exception {
			long rolloutStarted = System.nanoTime();
			step("release 1.0: migration job");
			// Release 1.0 is live: its schema, its users, its instances.
			expectExit(0, job(oldVersionLocations()), "the old release's migration job");
			seed();
			if (this.restrictedOldRole) {
				createOldRole();
			}
			else {
				this.oldUser = "postgres";
				this.oldPassword = "";
			}
			step("release 1.0: two instances start");
			List<WebApp> oldApps = startInParallel(this::startOld, this::startOld);
			for (WebApp app : oldApps) {
				awaitReady(app, "an instance of the old version");
				this.service.add(app);
			}
			Traffic traffic = new Traffic(this.service, SEEDED_USERS, 50_000, Duration.ofMinutes(8),
					"client-" + ThreadLocalRandom.current().nextInt(1_000_000) + "-");
			traffic.start();
			step("traffic on; release 2.0: expand job");
			Thread.sleep(500);

			// Release 2.0: the expand job applies what comes before the backfill, and
			// stops.
			ProcessRun expand = job("--migrator.job.phase=expand", "--migrator.backfill.run-on-upgrade=false");
			expectExit(3, expand, "the expand job, which stops before what waits for the backfill");
			assertThat(expand.output()).contains("Waiting for backfill split_name");
			recordNameFills();

			// The new instances start now, and must stay out of the Service until their
			// data is there.
			step("release 2.0: two instances start");
			long newStarted = System.nanoTime();
			List<WebApp> newApps = startInParallel(this::startNew, this::startNew);
			for (WebApp app : newApps) {
				HttpAnswer readiness = app.get("/actuator/health/readiness");
				assertThat(readiness.status()).as("a new instance before its revisions ran: %s", readiness)
					.isEqualTo(503);
			}

			// The backfill, while the replica stops replaying: it must wait for it.
			step("backfill job, replica replay paused");
			RollingDeployIT.this.cluster.pauseReplay();
			CompletableFuture<Boolean> replica = CompletableFuture.supplyAsync(this::resumeReplayOnceThrottled);
			Instant backfillFrom = databaseNow();
			long backfillStarted = System.nanoTime();
			ProcessRun backfill = job("--migrator.job.command=backfill", "--migrator.replica.max-lag-bytes=16KB",
					"--migrator.replica.poll-interval=200ms");
			Duration backfillJob = since(backfillStarted);
			Instant backfillTo = databaseNow();
			boolean throttled = replica.get();
			expectExit(0, backfill, "the backfill job");
			assertThat(throttled)
				.as("the backfill reported that it waited for the replica; its output:%n%s", backfill.output())
				.isTrue();
			assertThat(backfill.output()).contains("waiting for replicas");

			// The rest of the expand phase; the contract revisions stay pending.
			step("expand job again");
			ProcessRun expandAgain = job("--migrator.job.phase=expand");
			expectExit(0, expandAgain, "the expand job after the backfill");
			assertThat(expandAgain.output())
				.contains("Held back for the contract phase: 0008_split_name_not_null, 0009_drop_full_name");
			step("waiting for the new instances to turn ready");
			long expandDone = System.nanoTime();
			List<Duration> readyAfterStart = new ArrayList<>();
			List<Duration> readyAfterExpand = new ArrayList<>();
			for (WebApp app : newApps) {
				HttpAnswer readiness = awaitReady(app, "an instance of the new version");
				assertThat(app.get("/actuator/health").strings("$.components.migrator.details.pendingContract"))
					.containsExactly("0008_split_name_not_null", "0009_drop_full_name");
				readyAfterStart.add(since(newStarted));
				readyAfterExpand.add(since(expandDone));
				this.service.add(app);
			}

			// The old instances drain and stop one by one; the contract waits for the
			// last.
			step("draining the first old instance");
			drainAndStop(oldApps.get(0));
			step("contract job, one old instance left");
			ProcessRun refused = job();
			expectExit(1, refused, "the contract job while an old instance serves");
			assertThat(refused.output()).contains("would remove what running instances of the application still use")
				.contains("0008_split_name_not_null");
			step("draining the second old instance");
			drainAndStop(oldApps.get(1));
			step("contract job, no old instance left");
			Instant contractFrom = databaseNow();
			ProcessRun contract = job();
			expectExit(0, contract, "the contract job once the old instances are gone");
			Instant contractTo = databaseNow();
			Thread.sleep(2_000);
			traffic.stop();
			step("traffic off; checking the rows");
			Duration rollout = since(rolloutStarted);

			// What the clients saw.
			this.report.add("requests sent " + traffic.sent() + " (reads " + traffic.reads() + ", top-ups "
					+ traffic.topUps() + ", orders " + traffic.orders() + ", new users " + traffic.createdUsers().size()
					+ "), failed " + traffic.failures().size() + ", none ready " + traffic.noInstanceReady());
			this.report.add("requests answered per instance: old " + served(traffic, oldApps) + ", new "
					+ served(traffic, newApps));
			this.report
				.add("longest request " + traffic.longest().toMillis() + " ms (" + traffic.longestRequest() + ")");
			this.report.add("new instances ready " + millis(readyAfterStart) + " after they started, "
					+ millis(readyAfterExpand) + " after the expand job ended");
			this.report.add("backfill job " + backfillJob.toMillis() + " ms, start-up included; the backfill itself "
					+ Duration.between(backfillFrom, backfillTo).toMillis() + " ms between the database's clocks");
			this.report.add("reads of a user whose new columns were not filled yet " + traffic.readsOfUnfilledNames());
			this.report.add("whole rehearsal " + rollout.toMillis() + " ms");
			assertThat(traffic.failures()).as("requests that failed").isEmpty();
			assertThat(traffic.noInstanceReady()).as("moments without a ready instance").isZero();
			assertThat(traffic.endedByItsBounds()).as("the traffic ran out of requests or time before the end")
				.isFalse();
			assertThat(traffic.servedBy().keySet()).as("every instance served requests")
				.containsExactlyInAnyOrder(Stream.concat(oldApps.stream(), newApps.stream()).toArray(WebApp[]::new));

			checkRows(traffic, backfillFrom, backfillTo, contractFrom, contractTo);
			System.out.println(
					"Rolling deploy rehearsal ("
							+ (this.restrictedOldRole ? "old instances on a role that may not create tables"
									: "old instances on the owner's role")
							+ "):\n  " + String.join("\n  ", this.report));
		}

		private List<Integer> served(Traffic traffic, List<WebApp> apps) {
			return apps.stream().map((app) -> traffic.servedBy().getOrDefault(app, 0)).toList();
		}

		private void checkRows(Traffic traffic, Instant backfillFrom, Instant backfillTo, Instant contractFrom,
				Instant contractTo) throws SQLException {
			Map<String, String> expectedNames = new HashMap<>();
			Map<String, Boolean> writtenByOld = new HashMap<>();
			for (int i = 1; i <= SEEDED_USERS; i++) {
				expectedNames.put("seed-" + i + "@example.com", Names.of(i));
				writtenByOld.put("seed-" + i + "@example.com", true);
			}
			traffic.createdUsers().forEach((email, user) -> {
				expectedNames.put(email, user.fullName());
				writtenByOld.put(email, user.byOldVersion());
			});
			Map<String, String> stored = new HashMap<>();
			Map<String, Long> ids = new HashMap<>();
			try (Connection connection = connect();
					Statement statement = connection.createStatement();
					ResultSet rows = statement.executeQuery("SELECT id, email, first_name, last_name FROM users")) {
				while (rows.next()) {
					stored.put(rows.getString("email"),
							rows.getString("first_name") + "|" + rows.getString("last_name"));
					ids.put(rows.getString("email"), rows.getLong("id"));
				}
			}
			assertThat(stored.keySet()).as("every user written, and no other")
				.containsExactlyInAnyOrderElementsOf(expectedNames.keySet());
			expectedNames.forEach((email, fullName) -> {
				String[] parts = Names.split(fullName);
				assertThat(stored.get(email)).as("the name of %s, originally '%s'", email, fullName)
					.isEqualTo(parts[0] + "|" + parts[1]);
			});

			long seededCents = SEEDED_USERS * SEEDED_ORDER_CENTS;
			List<String> totals = rows("SELECT count(*), sum(total_cents) FROM orders");
			assertThat(totals).as("orders: seeded ones plus those placed; their totals plus every top-up")
				.containsExactly((SEEDED_USERS + traffic.orders()) + "|"
						+ (seededCents + traffic.orderedCents() + traffic.toppedUpCents()));

			// Each row's name was filled once, from NULL, and never changed afterwards.
			Map<Long, List<Instant>> fills = new HashMap<>();
			try (Connection connection = connect();
					Statement statement = connection.createStatement();
					ResultSet rows = statement
						.executeQuery("SELECT user_id, old_first, filled_at FROM rehearsal_name_fills ORDER BY id")) {
				while (rows.next()) {
					assertThat(rows.getString("old_first")).as("a fill of user %s overwrote a name", rows.getLong(1))
						.isNull();
					Timestamp at = rows.getTimestamp("filled_at");
					fills.computeIfAbsent(rows.getLong("user_id"), (id) -> new ArrayList<>()).add(at.toInstant());
				}
			}
			int byBackfill = 0;
			int byContract = 0;
			int oldInsertedByBackfill = 0;
			for (Map.Entry<String, Long> user : ids.entrySet()) {
				List<Instant> times = fills.getOrDefault(user.getValue(), List.of());
				boolean old = writtenByOld.get(user.getKey());
				assertThat(times).as("fills of %s (written by the %s version)", user.getKey(), old ? "old" : "new")
					.hasSize(old ? 1 : 0);
				if (!old) {
					continue;
				}
				Instant at = times.get(0);
				boolean inBackfill = !at.isBefore(backfillFrom) && !at.isAfter(backfillTo);
				boolean inContract = !at.isBefore(contractFrom) && !at.isAfter(contractTo);
				assertThat(inBackfill || inContract).as("%s was filled by the backfill or the contract", user.getKey())
					.isTrue();
				if (user.getKey().startsWith("seed-")) {
					assertThat(inBackfill).as("%s, there before the rollout, was filled by the backfill", user.getKey())
						.isTrue();
				}
				else if (inBackfill) {
					oldInsertedByBackfill++;
				}
				byBackfill += inBackfill ? 1 : 0;
				byContract += inContract ? 1 : 0;
			}
			long oldInserted = traffic.createdUsers()
				.values()
				.stream()
				.filter(Traffic.CreatedUser::byOldVersion)
				.count();
			this.report.add("rows filled: " + byBackfill + " by the backfill (" + oldInsertedByBackfill
					+ " of them inserted by old instances during the rollout), " + byContract
					+ " by the contract revision; old instances inserted " + oldInserted + ", new ones "
					+ (traffic.createdUsers().size() - oldInserted));
		}

		private void seed() {
			execute("INSERT INTO users (full_name, email) SELECT n.name, 'seed-' || n.i || '@example.com' FROM "
					+ "unnest(?::text[]) WITH ORDINALITY AS n(name, i) ORDER BY n.i", seedNames());
			execute("INSERT INTO orders (user_id, total_cents) SELECT id, " + SEEDED_ORDER_CENTS
					+ " FROM users ORDER BY id", null);
		}

		private String[] seedNames() {
			return java.util.stream.IntStream.rangeClosed(1, SEEDED_USERS).mapToObj(Names::of).toArray(String[]::new);
		}

		/**
		 * Test instrumentation, not part of the app: every change of a user's new columns
		 * is logged with its time, so that the test can tell that each row was filled
		 * once, from NULL, and when.
		 */
		private void recordNameFills() {
			execute("CREATE TABLE rehearsal_name_fills (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, "
					+ "user_id bigint NOT NULL, old_first text, new_first text, new_last text, "
					+ "filled_at timestamptz NOT NULL DEFAULT clock_timestamp())", null);
			execute("CREATE FUNCTION rehearsal_log_name_fill() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER AS $$ "
					+ "BEGIN INSERT INTO rehearsal_name_fills (user_id, old_first, new_first, new_last) "
					+ "VALUES (NEW.id, OLD.first_name, NEW.first_name, NEW.last_name); RETURN NULL; END $$", null);
			execute("CREATE TRIGGER rehearsal_name_fills AFTER UPDATE ON users FOR EACH ROW WHEN "
					+ "(OLD.first_name IS DISTINCT FROM NEW.first_name OR OLD.last_name IS DISTINCT FROM NEW.last_name) "
					+ "EXECUTE FUNCTION rehearsal_log_name_fill()", null);
		}

		/**
		 * A role with the grants the documentation asks of a serving role, and no right
		 * to create anything.
		 */
		private void createOldRole() {
			this.oldUser = "old_web_" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36);
			this.oldPassword = Long.toString(ThreadLocalRandom.current().nextLong(1L << 50), 36);
			execute("CREATE ROLE " + this.oldUser + " LOGIN PASSWORD '" + this.oldPassword + "'", null);
			execute("REVOKE CREATE ON SCHEMA public FROM PUBLIC", null);
			execute("GRANT USAGE ON SCHEMA public TO " + this.oldUser, null);
			execute("GRANT SELECT, INSERT, UPDATE ON users, orders TO " + this.oldUser, null);
			execute("GRANT SELECT ON migrator_version, migrator_history TO " + this.oldUser, null);
			execute("GRANT SELECT, INSERT, UPDATE, DELETE ON migrator_clients TO " + this.oldUser, null);
			execute("ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO "
					+ this.oldUser, null);
			List<String> rights = rows("SELECT has_schema_privilege('" + this.oldUser + "', 'public', 'CREATE')");
			assertThat(rights).containsExactly("f");
		}

		private boolean resumeReplayOnceThrottled() {
			long deadline = System.nanoTime() + Duration.ofSeconds(40).toNanos();
			boolean seen = false;
			try {
				while (!seen && System.nanoTime() - deadline < 0) {
					try {
						seen = !rows("SELECT throttle FROM migrator_backfill WHERE name = 'split_name' "
								+ "AND throttle IS NOT NULL AND throttle <> ''")
							.isEmpty();
					}
					catch (IllegalStateException ex) {
						// The job has not created its progress row yet.
					}
					if (!seen) {
						Thread.sleep(100);
					}
				}
				if (seen) {
					// Let it wait a moment, as behind a busy replica.
					Thread.sleep(1_000);
				}
				return seen;
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return seen;
			}
			finally {
				RollingDeployIT.this.cluster.resumeReplay();
			}
		}

		private void drainAndStop(WebApp app) throws InterruptedException {
			this.service.remove(app);
			assertThat(this.service.awaitDrained(app, DRAIN_LIMIT)).as("the requests sent to %s were answered", app)
				.isTrue();
			long started = System.nanoTime();
			int exit = app.terminate(STOP_LIMIT);
			assertThat(exit).as("%s stopped by itself on SIGTERM; its log:%n%s", app, app.log()).isNotEqualTo(-1);
			this.report.add(app + " stopped " + since(started).toMillis() + " ms after SIGTERM");
		}

		private HttpAnswer awaitReady(WebApp app, String what) throws InterruptedException {
			HttpAnswer readiness = app.pollUntil(READY_LIMIT, () -> app.get("/actuator/health/readiness"),
					(answer) -> answer.status() == 200);
			assertThat(readiness.status()).as("%s (%s) turned ready within %s: %s", what, app, READY_LIMIT, readiness)
				.isEqualTo(200);
			return readiness;
		}

		private WebApp startOld() {
			return start(Stream.concat(Stream.of("--sample.names=full", "--spring.application.version=1.0.0"),
					Stream.of(oldVersionLocations())), this.oldUser, this.oldPassword);
		}

		private WebApp startNew() {
			return start(Stream.of("--spring.application.version=2.0.0"), "postgres", "");
		}

		private WebApp start(Stream<String> arguments, String user, String password) {
			String[] all = Stream.concat(Stream.of("--spring.datasource.url=" + this.baseUrl,
					"--spring.datasource.username=" + user, "--spring.datasource.password=" + password,
					"--migrator.clients.heartbeat-interval=1s", "--migrator.clients.live-window=5s"), arguments)
				.toArray(String[]::new);
			try {
				WebApp app = this.sampleJar.startWebApp(all);
				synchronized (this.apps) {
					this.apps.add(app);
				}
				return app;
			}
			catch (IOException ex) {
				throw new java.io.UncheckedIOException(ex);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}

		private List<WebApp> startInParallel(java.util.function.Supplier<WebApp> first,
				java.util.function.Supplier<WebApp> second) {
			CompletableFuture<WebApp> one = CompletableFuture.supplyAsync(first);
			CompletableFuture<WebApp> two = CompletableFuture.supplyAsync(second);
			return List.of(one.join(), two.join());
		}

		private ProcessRun job(String... arguments) throws IOException, InterruptedException {
			String[] all = Stream.concat(Stream.of("--spring.profiles.active=migrate",
					"--spring.datasource.url=" + this.baseUrl, "--spring.datasource.username=postgres",
					"--spring.datasource.password=", "--migrator.clients.live-window=5s"), Stream.of(arguments))
				.toArray(String[]::new);
			return this.sampleJar.run(all);
		}

		private String[] oldVersionLocations() {
			return new String[] { "--migrator.locations=filesystem:" + this.oldRevisions };
		}

		private void expectExit(int code, ProcessRun run, String what) {
			assertThat(run.exitCode()).as("%s's exit code; its output:%n%s", what, run.output()).isEqualTo(code);
		}

		/**
		 * The revisions release 1.0 shipped: only the first, exactly as this jar holds it
		 * (so that its checksum matches).
		 */
		private Path shipOldRevisions(Path folder) throws IOException {
			Files.createDirectories(folder);
			try (JarFile jar = new JarFile(System.getProperty("sample.jar"));
					InputStream in = jar
						.getInputStream(jar.getEntry("BOOT-INF/classes/db/revisions/postgresql/0001_initial.sql"))) {
				Files.copy(in, folder.resolve("0001_initial.sql"));
			}
			return folder;
		}

		private Instant databaseNow() {
			try (Connection connection = connect();
					Statement statement = connection.createStatement();
					ResultSet result = statement.executeQuery("SELECT clock_timestamp()")) {
				result.next();
				return result.getTimestamp(1).toInstant();
			}
			catch (SQLException ex) {
				throw new IllegalStateException(ex);
			}
		}

		private Connection connect() throws SQLException {
			return RollingDeployIT.this.cluster.connectPrimary(this.database);
		}

		private void execute(String sql, Object[] parameter) {
			try (Connection connection = connect(); var statement = connection.prepareStatement(sql)) {
				if (parameter != null) {
					statement.setArray(1, connection.createArrayOf("text", parameter));
				}
				statement.execute();
			}
			catch (SQLException ex) {
				throw new IllegalStateException("Could not run " + sql + ": " + ex.getMessage(), ex);
			}
		}

		private List<String> rows(String sql) {
			try (Connection connection = connect()) {
				return Database.rows(connection, sql);
			}
			catch (SQLException ex) {
				throw new IllegalStateException("Could not run " + sql + ": " + ex.getMessage(), ex);
			}
		}

		@Override
		public void close() throws InterruptedException {
			for (WebApp app : this.apps) {
				app.close();
			}
		}

	}

	private static Duration since(long nanos) {
		return Duration.ofNanos(System.nanoTime() - nanos);
	}

	private static String millis(List<Duration> durations) {
		return durations.stream().map((duration) -> duration.toMillis() + " ms").toList().toString();
	}

}

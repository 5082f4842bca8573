package dev.migrator.core.reliability;

import dev.migrator.core.Migrator;
import dev.migrator.core.backfill.BackfillStatus;
import dev.migrator.core.command.Resolution;
import dev.migrator.core.command.RunResult;
import dev.migrator.core.config.MigratorConfig;
import dev.migrator.core.error.MigratorException;
import dev.migrator.testsupport.TestDataSources;
import dev.migrator.testsupport.TestPostgres;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import static dev.migrator.core.reliability.RolloutRevisions.BACKFILL;
import static dev.migrator.core.reliability.RolloutRevisions.BACKFILL_NAME;
import static dev.migrator.core.reliability.RolloutRevisions.BASE;
import static dev.migrator.core.reliability.RolloutRevisions.CONTRACT;
import static dev.migrator.core.reliability.RolloutRevisions.EXPAND;
import static dev.migrator.core.reliability.RolloutRevisions.LEDGER;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Random rollouts over one revision graph with a backfill, a contract and a
 * non-transactional revision, on real PostgreSQL: upgrades to the heads or to a random
 * revision, with backfills run on upgrade or not; downgrades to a random revision or to
 * base; the backfill run, paused and resumed; and the migration job, in a child JVM,
 * killed while a non-transactional statement sleeps, while a {@code VACUUM} waits for a
 * lock, in a downgrade, or in the middle of the backfill, then restarted. After every
 * step {@link RolloutInvariants} must hold: no contract removed data its backfill had not
 * copied, and no committed statement ran twice.
 *
 * <p>
 * The steps come from {@code new Random(seed)}: a failure prints the seed and the steps,
 * and {@code -Dmigrator.invariants.seeds=<seed>} replays it (where a kill lands inside a
 * backfill still depends on the machine's speed). For a soak run, set more seeds and
 * steps:
 * {@code -Dmigrator.invariants.seeds=1,2,3,4,5,6,7,8 -Dmigrator.invariants.steps=40}.
 */
class RolloutInvariantTests {

	private static final String SEEDS = "migrator.invariants.seeds";

	private static final String STEPS = "migrator.invariants.steps";

	@TempDir
	Path temp;

	@TestFactory
	Stream<DynamicTest> randomRolloutsKeepTheInvariants() {
		int steps = Integer.getInteger(STEPS, 12);
		return Arrays.stream(System.getProperty(SEEDS, "5,6,9,12").split(","))
			.map(String::strip)
			.map(Long::parseLong)
			.map((seed) -> DynamicTest.dynamicTest("seed " + seed + ", " + steps + " steps",
					() -> new Rollout(seed, this.temp.resolve("seed-" + seed)).run(steps)));
	}

	/** The kinds of step, chosen at random among those the state allows. */
	private enum Action {

		UPGRADE_HEADS, UPGRADE_TO_REVISION, UPGRADE_WITHOUT_BACKFILLS, DOWNGRADE, RUN_BACKFILL, PAUSE_BACKFILL,
		RESUME_BACKFILL, KILL_BACKFILL, PAUSE_RUNNING_BACKFILL, KILL_LEDGER_UPGRADE, KILL_VACUUM, KILL_LEDGER_DOWNGRADE,
		RESTART

	}

	/** A job killed by the previous step: what restarting it runs. */
	private record Killed(String command, String target) {
	}

	/** One seed's rollout on a fresh database. */
	private static final class Rollout {

		private final long seed;

		private final Random random;

		private final Path folder;

		private final List<String> log = new ArrayList<>();

		private RolloutDatabase database;

		private RolloutInvariants invariants;

		private String location;

		private Migrator migrator;

		private Migrator migratorWithoutBackfills;

		private Optional<Killed> killed = Optional.empty();

		private int jobs;

		private String current = "setup";

		Rollout(long seed, Path folder) {
			this.seed = seed;
			this.random = new Random(seed);
			this.folder = folder;
		}

		void run(int steps) throws Exception {
			long started = System.nanoTime();
			TestPostgres server = TestPostgres.shared();
			this.database = RolloutDatabase.create(server.createDatabase(), server.user(), server.password());
			this.invariants = new RolloutInvariants(this.database);
			this.location = RolloutRevisions.write(this.folder.resolve("revisions"));
			this.database.execute("CREATE TABLE " + RolloutRevisions.SLEEP_TABLE
					+ " (what text PRIMARY KEY, seconds float NOT NULL)");
			this.database.execute("INSERT INTO " + RolloutRevisions.SLEEP_TABLE + " VALUES ('up', 0), ('down', 0)");
			this.migrator = migrator(true);
			this.migratorWithoutBackfills = migrator(false);
			try {
				for (int i = 1; i <= steps; i++) {
					step(i, choose());
				}
				finish();
			}
			catch (AssertionError ex) {
				throw (ex.getMessage() != null && ex.getMessage().contains("Replay with")) ? ex
						: new AssertionError(replay(ex.toString()), ex);
			}
			catch (Exception ex) {
				throw new AssertionError(replay(ex.toString()), ex);
			}
			finally {
				this.database.close();
			}
			System.out.printf("Rollout invariants: seed %d, %d steps in %d ms:%n  %s%n", this.seed, steps,
					TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started), String.join("\n  ", this.log));
		}

		private Action choose() throws Exception {
			List<Action> allowed = new ArrayList<>();
			List<String> applied = this.invariants.applied();
			Map<Integer, String> up = this.invariants.progress("upgrade");
			boolean unresolved = up.containsValue("running");
			Optional<String> state = this.invariants.backfillState();
			boolean runnable = state.isEmpty() || state.get().equals("pending") || state.get().equals("running");
			for (Action action : Action.values()) {
				boolean allowedNow = switch (action) {
					case KILL_BACKFILL, PAUSE_RUNNING_BACKFILL -> applied.contains(BACKFILL) && runnable;
					case KILL_LEDGER_UPGRADE -> !applied.contains(LEDGER) && !unresolved
							&& !up.containsKey(RolloutRevisions.UPGRADE_SLEEP_INDEX);
					case KILL_VACUUM -> applied.contains(BASE) && !applied.contains(LEDGER) && !unresolved
							&& !up.containsKey(RolloutRevisions.VACUUM_INDEX);
					case KILL_LEDGER_DOWNGRADE -> applied.contains(LEDGER) && !this.invariants.progress("downgrade")
						.containsKey(RolloutRevisions.DOWNGRADE_SLEEP_INDEX);
					case RESTART -> this.killed.isPresent();
					default -> true;
				};
				if (allowedNow) {
					allowed.add(action);
				}
			}
			return allowed.get(this.random.nextInt(allowed.size()));
		}

		private void step(int number, Action action) throws Exception {
			this.current = number + ". " + action;
			long started = System.nanoTime();
			Optional<Killed> restartable = this.killed;
			this.killed = Optional.empty();
			String done = switch (action) {
				case UPGRADE_HEADS -> upgrade(this.migrator, "heads");
				case UPGRADE_TO_REVISION -> upgrade(this.migrator, randomRevision());
				case UPGRADE_WITHOUT_BACKFILLS -> upgradeWithoutBackfills();
				case DOWNGRADE -> downgrade(randomDowngradeTarget());
				case RUN_BACKFILL -> runBackfill();
				case PAUSE_BACKFILL -> backfillCommand("pause", () -> this.migrator.backfills().pause(BACKFILL_NAME));
				case RESUME_BACKFILL ->
					backfillCommand("resume", () -> this.migrator.backfills().resume(BACKFILL_NAME));
				case KILL_BACKFILL -> backfillInJob(false);
				case PAUSE_RUNNING_BACKFILL -> backfillInJob(true);
				case KILL_LEDGER_UPGRADE -> killAtSleep("upgrade", LEDGER, "up");
				case KILL_VACUUM -> killAtVacuum();
				case KILL_LEDGER_DOWNGRADE -> killAtSleep("downgrade", EXPAND, "down");
				case RESTART -> restart(restartable.orElseThrow());
			};
			this.log.add(number + ". " + done + " -> " + this.invariants.applied() + ", backfill "
					+ this.invariants.backfillState().orElse("-") + " ("
					+ TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started) + " ms)");
			List<String> violations = this.invariants.violations();
			if (!violations.isEmpty()) {
				throw new AssertionError(replay(String.join("\n", violations)));
			}
		}

		/**
		 * Brings the database to the heads, which any sequence of steps must allow: a
		 * downgrade left part-way is finished first, a paused backfill resumed, and a
		 * statement of unknown outcome resolved, as the refusals say.
		 */
		private void finish() throws Exception {
			this.current = "finish";
			for (int attempt = 1; attempt <= 3 && !this.invariants.applied().contains(CONTRACT); attempt++) {
				if (!this.invariants.progress("downgrade").isEmpty()) {
					this.log.add("finally " + downgrade(EXPAND));
				}
				if (this.invariants.backfillState()
					.filter((s) -> !s.equals("done") && !s.equals("pending") && !s.equals("running"))
					.isPresent()) {
					this.migrator.backfills().resume(BACKFILL_NAME);
				}
				this.log.add("finally " + upgrade(this.migrator, "heads") + " -> " + this.invariants.applied());
				assertThat(this.invariants.violations()).as(replay("after the final upgrade")).isEmpty();
			}
			assertThat(this.invariants.applied()).as(replay("the final upgrade reaches the heads")).contains(CONTRACT);
		}

		private String upgrade(Migrator migrator, String target) throws Exception {
			String what = "upgrade " + target;
			try {
				RunResult result = migrator.upgrade(target);
				boolean contract = this.invariants.applied().contains(CONTRACT);
				if (target.equals("heads")) {
					expect(result.isWaitingForBackfill() != contract,
							what + ": it waits for the backfill exactly when it stops short of the contract");
				}
				return what + (result.isWaitingForBackfill() ? " (waiting for the backfill)" : "");
			}
			catch (MigratorException ex) {
				return what + ": " + refused(ex);
			}
		}

		/**
		 * An upgrade that leaves backfills to their own job: it stops before the contract
		 * with the waiting outcome unless the backfill is done already.
		 */
		private String upgradeWithoutBackfills() throws Exception {
			String what = "upgrade heads, backfills not run on upgrade";
			boolean doneBefore = this.invariants.applied().contains(BACKFILL)
					&& this.invariants.backfillState().equals(Optional.of("done"));
			try {
				RunResult result = this.migratorWithoutBackfills.upgrade("heads");
				boolean contract = this.invariants.applied().contains(CONTRACT);
				expect(contract == doneBefore,
						what + ": the contract is applied exactly when the backfill was done before");
				expect(result.isWaitingForBackfill() != contract, what + ": the waiting outcome when it stops");
				return what + (result.isWaitingForBackfill() ? " (waiting for the backfill)" : "");
			}
			catch (MigratorException ex) {
				return what + ": " + refused(ex);
			}
		}

		private String downgrade(String target) throws Exception {
			String what = "downgrade " + target;
			try {
				this.migrator.downgrade(target);
				return what;
			}
			catch (MigratorException ex) {
				return what + ": " + refused(ex);
			}
		}

		private String runBackfill() throws Exception {
			try {
				BackfillStatus status = this.migrator.backfills().run(BACKFILL_NAME);
				return "run the backfill: " + status.state().label();
			}
			catch (MigratorException ex) {
				expect(ex.code().equals("backfill-revision-not-applied"), "run the backfill: " + ex);
				return "run the backfill: refused, " + ex.code();
			}
		}

		private String backfillCommand(String verb, BackfillCommand command) throws Exception {
			try {
				return verb + " the backfill: " + command.get().state().label();
			}
			catch (MigratorException ex) {
				expect(ex.code().equals("backfill-state"), verb + " the backfill: " + ex);
				return verb + " the backfill: refused, " + ex.code();
			}
		}

		/**
		 * The backfill in a job of its own, killed (or paused from here) once it filled
		 * some rows more.
		 */
		private String backfillInJob(boolean pause) throws Exception {
			long filled = filled();
			long until = filled + 1 + this.random.nextInt((int) Math.max(1, RolloutRevisions.PEOPLE - filled - 1));
			ChildJob job = start("backfill", BACKFILL_NAME);
			awaitOrExit(job, () -> filledOrZero() >= until);
			String what = (pause ? "pause" : "kill") + " the backfill job at " + until + " rows";
			if (!job.isAlive()) {
				assertThat(job.awaitExit(60)).as(job.log()).isZero();
				return what + ": it ended first";
			}
			if (pause) {
				String paused = backfillCommand("pause", () -> this.migrator.backfills().pause(BACKFILL_NAME));
				assertThat(job.awaitExit(120)).as(job.log()).isZero();
				return what + ": " + paused + ", the job stopped at " + filled() + " rows";
			}
			job.kill();
			this.database.awaitJobSessionsGone();
			this.killed = Optional.of(new Killed("backfill", BACKFILL_NAME));
			return what + ": killed at " + filled() + " rows";
		}

		/** The job killed while a statement of the ledger revision sleeps. */
		private String killAtSleep(String command, String target, String sleep) throws Exception {
			this.database
				.execute("UPDATE " + RolloutRevisions.SLEEP_TABLE + " SET seconds = 600 WHERE what = '" + sleep + "'");
			try {
				ChildJob job = start(command, target);
				awaitWhileAlive(job, () -> count("SELECT count(*) FROM pg_stat_activity WHERE application_name = '"
						+ RolloutDatabase.JOB_NAME + "' AND query LIKE 'SELECT pg_sleep%' AND state = 'active'") > 0);
				job.kill();
				this.database.awaitJobSessionsGone();
			}
			finally {
				this.database.execute(
						"UPDATE " + RolloutRevisions.SLEEP_TABLE + " SET seconds = 0 WHERE what = '" + sleep + "'");
			}
			this.killed = Optional.of(new Killed(command, target));
			return "kill the job running " + command + " " + target + " in " + LEDGER + "'s " + sleep + " sleep";
		}

		/**
		 * The job killed while the VACUUM of the ledger revision waits for a lock held
		 * here: it never ran, which is what resolving it will say.
		 */
		private String killAtVacuum() throws Exception {
			try (Connection blocker = this.database.connect(); Statement statement = blocker.createStatement()) {
				blocker.setAutoCommit(false);
				statement.execute("LOCK TABLE ledger IN SHARE UPDATE EXCLUSIVE MODE");
				ChildJob job = start("upgrade", LEDGER);
				awaitWhileAlive(job, () -> "running".equals(upgradeMark(RolloutRevisions.VACUUM_INDEX)));
				job.kill();
				blocker.rollback();
			}
			this.database.awaitJobSessionsGone();
			this.killed = Optional.of(new Killed("upgrade", LEDGER));
			return "kill the job running upgrade " + LEDGER + " while its VACUUM waits for a lock";
		}

		/** The killed job's command again, in this process, to its end. */
		private String restart(Killed job) throws Exception {
			return "restart: " + switch (job.command()) {
				case "upgrade" -> upgrade(this.migrator, job.target());
				case "downgrade" -> downgrade(job.target());
				default -> runBackfill();
			};
		}

		/**
		 * What a refusal of upgrade or downgrade means. A statement of unknown outcome is
		 * resolved as the message says, with the truth: only a VACUUM kept from its lock
		 * is ever left so, so it never ran. A plan that would build on, or undermine, a
		 * revision left part-way is refused only while one is; later steps (or the final
		 * ones) finish it. Any other refusal fails the run.
		 */
		private String refused(MigratorException ex) throws Exception {
			if (ex.code().equals("statement-outcome-unknown")) {
				expect("running".equals(this.invariants.progress("upgrade").get(RolloutRevisions.VACUUM_INDEX)),
						"refused for an unknown outcome only while the VACUUM was interrupted: " + ex.getMessage());
				expect(ex.getMessage().contains("migrator.job.resolve=rerun"),
						"the refusal names the resolve command: " + ex.getMessage());
				List<String> resolved = this.migrator.resolve(Resolution.RERUN);
				return "refused, the VACUUM's outcome is unknown; resolved " + resolved + " as rerun";
			}
			if (ex.code().equals("part-way-revision")) {
				expect(!this.invariants.progress("upgrade").isEmpty()
						|| !this.invariants.progress("downgrade").isEmpty(),
						"refused for a revision left part-way only while one is: " + ex.getMessage());
				return "refused, " + LEDGER + " is part-way";
			}
			throw ex;
		}

		/** An applied revision, or base. */
		private String randomDowngradeTarget() throws Exception {
			List<String> targets = new ArrayList<>(this.invariants.applied());
			targets.add("base");
			return targets.get(this.random.nextInt(targets.size()));
		}

		private String randomRevision() {
			return RolloutRevisions.ALL.get(this.random.nextInt(RolloutRevisions.ALL.size()));
		}

		private ChildJob start(String command, String target) throws Exception {
			return ChildJob.startCommand(this.folder.resolve("job-" + this.jobs++ + ".log"), command, target,
					this.database.jobUrl(), this.database.user(), this.database.password(), this.location);
		}

		/** The state of an upgrade statement's progress row; null without one (yet). */
		private String upgradeMark(int index) {
			try {
				return this.invariants.progress("upgrade").get(index);
			}
			catch (SQLException ex) {
				return null;
			}
		}

		private long filled() throws Exception {
			return count("SELECT count(*) FROM people WHERE first_name IS NOT NULL");
		}

		private long filledOrZero() {
			try {
				return filled();
			}
			catch (Exception ex) {
				return 0;
			}
		}

		private long count(String sql) {
			try {
				return this.database.count(sql);
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
		}

		/** Waits for the condition while the job runs; fails with its log if it ends. */
		private static void awaitWhileAlive(ChildJob job, BooleanSupplier condition) throws Exception {
			long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
			while (!condition.getAsBoolean()) {
				assertThat(job.isAlive()).as("the job is still running; its log:\n" + job.log()).isTrue();
				assertThat(System.nanoTime()).as("waiting for the job; its log:\n" + job.log()).isLessThan(deadline);
				Thread.sleep(5);
			}
		}

		/** Waits for the condition or the job's end. */
		private static void awaitOrExit(ChildJob job, BooleanSupplier condition) throws Exception {
			long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
			while (job.isAlive() && !condition.getAsBoolean()) {
				assertThat(System.nanoTime()).as("waiting for the job; its log:\n" + job.log()).isLessThan(deadline);
				Thread.sleep(5);
			}
		}

		private void expect(boolean holds, String what) {
			if (!holds) {
				throw new AssertionError(replay(what));
			}
		}

		private Migrator migrator(boolean runBackfillsOnUpgrade) {
			return Migrator.create(MigratorConfig.builder()
				.dataSource(
						TestDataSources.postgres(this.database.url(), this.database.user(), this.database.password()))
				.locations(this.location)
				.runBackfillsOnUpgrade(runBackfillsOnUpgrade)
				.build());
		}

		private String replay(String what) {
			return what + "\nin step " + this.current + ". Replay with -D" + SEEDS + "=" + this.seed + " -D" + STEPS
					+ "=" + (this.log.size() + 1) + "; the steps before:\n  " + String.join("\n  ", this.log);
		}

	}

	/** A backfill command that returns the backfill's status. */
	@FunctionalInterface
	private interface BackfillCommand {

		BackfillStatus get();

	}

}

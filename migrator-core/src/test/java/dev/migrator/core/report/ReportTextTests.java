package dev.migrator.core.report;

import dev.migrator.core.backfill.BackfillState;
import dev.migrator.core.backfill.BackfillStatus;
import dev.migrator.core.command.AppliedRevision;
import dev.migrator.core.command.BaselineResult;
import dev.migrator.core.command.ChecksumMismatch;
import dev.migrator.core.command.DriftResult;
import dev.migrator.core.command.MigrationStatus;
import dev.migrator.core.command.RunResult;
import dev.migrator.core.runtime.StepResult;
import dev.migrator.core.script.Direction;
import dev.migrator.core.script.Origin;
import dev.migrator.core.script.Revision;
import dev.migrator.core.script.RevisionGraph;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The text of each report, whole: the job and the Maven plugin print it as it is, so a
 * change here is a change users see.
 */
class ReportTextTests {

	private static final Revision INIT = revision("0001_init", "create users").build();

	private static final Revision EMAIL = revision("0002_email", "add email").revises("0001_init").build();

	private static final Revision ORDERS = revision("0002_orders", "").revises("0001_init")
		.branchLabels("billing")
		.build();

	private static final Revision MERGE = revision("0003_merge", "merge").revises("0002_email", "0002_orders").build();

	@Test
	void baselineSaysWhatItWroteAndRecordedAndWhatComesNext() {
		java.util.Map<String, Integer> objects = new java.util.LinkedHashMap<>();
		objects.put("table", 3);
		objects.put("index", 2);
		objects.put("view", 1);
		java.nio.file.Path file = java.nio.file.Path.of("db", "revisions", "baseline.sql");
		assertThat(
				new BaselineText(new BaselineResult("baseline", file, true, "schema public of database shop", objects))
					.text())
			.isEqualTo("Wrote " + file + ", a baseline of the schema public of database shop\n"
					+ "It recreates 3 tables, 2 indexes, 1 view\n"
					+ "Recorded the database at baseline without running it\n" + "Next: add "
					+ file.toAbsolutePath().getParent() + " to migrator.locations; new revisions revise baseline\n");
		assertThat(new BaselineText(new BaselineResult("baseline", file, false, "", java.util.Map.of())).text())
			.isEqualTo("The database is recorded at baseline already (an earlier baseline): nothing written or "
					+ "recorded\n");
	}

	@Test
	void historyIsOneLinePerRevisionWithItsParentsAndHeads() {
		assertThat(new HistoryText(List.of(INIT, EMAIL, ORDERS, MERGE), List.of(MERGE)).text()).isEqualTo("""
				base -> 0001_init, create users
				0001_init -> 0002_email, add email
				0001_init -> 0002_orders
				(0002_email, 0002_orders) -> 0003_merge (head), merge
				""");
	}

	@Test
	void historyEndsEachAppliedRevisionWithWhenByWhomAndHowLong() {
		Instant on = Instant.parse("2026-12-02T06:40:12.345678Z");
		List<AppliedRevision> applied = List.of(
				new AppliedRevision("0001_init", "create users", Optional.of(on), Optional.of("deploy@job-7"),
						Optional.of(Duration.ofMillis(41)), false),
				new AppliedRevision("0002_email", "add email", Optional.of(on.plusSeconds(60)),
						Optional.of("ops@laptop"), Optional.of(Duration.ZERO), true),
				new AppliedRevision("0002_orders", "", Optional.empty(), Optional.empty(), Optional.empty(), false));
		assertThat(new HistoryText(List.of(INIT, EMAIL, ORDERS, MERGE), List.of(MERGE), applied).text()).isEqualTo("""
				base -> 0001_init, create users  [installed 2026-12-02T06:40:12Z by deploy@job-7 in 41 ms]
				0001_init -> 0002_email, add email  [stamped 2026-12-02T06:41:12Z by ops@laptop]
				0001_init -> 0002_orders  [applied]
				(0002_email, 0002_orders) -> 0003_merge (head), merge
				""");
	}

	@Test
	void driftListsOneDifferencePerLineOrSaysThereIsNone() {
		assertThat(new DriftText(new DriftResult(Set.of("0002_email"), List.of())).text())
			.isEqualTo("No drift at 0002_email: the database has the schema its revisions produce\n");
		assertThat(
				new DriftText(new DriftResult(Set.of(),
						List.of("table a is in the database, not in the revisions",
								"table b: column c text is in the revisions, not in the database")))
					.text())
			.isEqualTo("""
					Drift at base: 2 difference(s) between the database and its revisions
					  table a is in the database, not in the revisions
					  table b: column c text is in the revisions, not in the database
					""");
	}

	@Test
	void emptyHistorySaysSo() {
		assertThat(new HistoryText(List.of(), List.of()).text()).isEqualTo("No revisions.\n");
	}

	@Test
	void oneHeadIsOneLineWithItsFile() {
		assertThat(new HeadsText(RevisionGraph.of(List.of(INIT, EMAIL))).text())
			.isEqualTo("0002_email (head), add email  db/0002_email.sql\n");
	}

	@Test
	void severalHeadsCarryTheirBranchAndAskForAMerge() {
		HeadsText heads = new HeadsText(RevisionGraph.of(List.of(INIT, EMAIL, ORDERS)));
		assertThat(heads.hasSeveralHeads()).isTrue();
		assertThat(heads.text()).isEqualTo("""
				0002_email (head), add email  db/0002_email.sql
				0002_orders (head) [billing]  db/0002_orders.sql
				2 heads: merge them with a merge revision (merge heads), so that 'head' names one revision again \
				and no branch is left out of a release.
				""");
	}

	@Test
	void noRevisionsHaveNoHead() {
		HeadsText heads = new HeadsText(RevisionGraph.of(List.of()));
		assertThat(heads.hasSeveralHeads()).isFalse();
		assertThat(heads.text()).isEqualTo("No revisions: no head.\n");
	}

	@Test
	void currentIsOneIdPerLineSortedOrBase() {
		assertThat(new CurrentText(Set.of("0002_orders", "0002_email")).text()).isEqualTo("0002_email\n0002_orders\n");
		assertThat(new CurrentText(Set.of()).text()).isEqualTo("base\n");
	}

	@Test
	void statusOfAnUpToDateDatabaseIsTwoLines() {
		assertThat(new StatusText(status(Set.of("0003_merge"), List.of(), List.of(), Set.of())).text()).isEqualTo("""
				Current: 0003_merge
				Pending: none
				""");
	}

	@Test
	void statusListsPendingEditedAndUnknownRevisionsInOneColumn() {
		ChecksumMismatch edited = new ChecksumMismatch("0001_init", "db/0001_init.sql", "a", "b");
		MigrationStatus status = status(Set.of("0002_email", "0009_newer"), List.of(ORDERS, MERGE), List.of(edited),
				Set.of("0009_newer"));
		assertThat(new StatusText(status).text()).isEqualTo("""
				Current: 0002_email, 0009_newer
				Pending: 2 revision(s): 0002_orders, 0003_merge
				Edited:  0001_init (db/0001_init.sql)
				Unknown: 0009_newer (the database is at revisions this code does not have)
				""");
		assertThat(new StatusText(status(Set.of(), List.of(INIT), List.of(), Set.of())).text())
			.startsWith("Current: base\n");
	}

	@Test
	void upToDateNamesTheRowsAndTheEditsAWarnPolicyLetThrough() {
		assertThat(new UpToDateText(status(Set.of("0003_merge"), List.of(), List.of(), Set.of())).text())
			.isEqualTo("Up to date at 0003_merge\n");
		ChecksumMismatch edited = new ChecksumMismatch("0001_init", "db/0001_init.sql", "a", "b");
		assertThat(new UpToDateText(status(Set.of(), List.of(), List.of(edited), Set.of())).text())
			.isEqualTo("Up to date at base (1 edited applied revision(s), allowed by checksum policy WARN)\n");
	}

	@Test
	void runSaysHowManyRevisionsHowLongAndFromWhereToWhere() {
		RunResult upgrade = new RunResult(Direction.UPGRADE,
				List.of(step("0001_init", Direction.UPGRADE, 7), step("0002_email", Direction.UPGRADE, 5)), Set.of(),
				Set.of("0002_email"), List.of("0003_contract"));
		assertThat(new RunText(upgrade).text()).isEqualTo("""
				Upgraded 2 revision(s) in 12 ms: base -> 0002_email
				Held back for the contract phase: 0003_contract
				""");
		RunResult downgrade = new RunResult(Direction.DOWNGRADE, List.of(step("0002_email", Direction.DOWNGRADE, 3)),
				Set.of("0002_email"), Set.of("0001_init"));
		assertThat(new RunText(downgrade).text())
			.isEqualTo("Downgraded 1 revision(s) in 3 ms: 0002_email -> 0001_init\n");
		RunResult nothing = new RunResult(Direction.UPGRADE, List.of(), Set.of("0002_email"), Set.of("0002_email"));
		assertThat(new RunText(nothing).text()).isEqualTo("Nothing to do: the database is at 0002_email\n");
	}

	@Test
	void backfillTableAlignsItsColumnsAndFollowsWithErrors() {
		BackfillStatus running = backfill("users_status", BackfillState.RUNNING, true, 240_000,
				OptionalLong.of(960_000), OptionalInt.of(2_500), Optional.empty(), Optional.empty());
		BackfillStatus failed = backfill("orders_total", BackfillState.FAILED, false, 0, OptionalLong.empty(),
				OptionalInt.empty(), Optional.of("replica lag 12s"), Optional.of("division by zero"));
		assertThat(new BackfillTable(List.of(running, failed)).text()).isEqualTo("""
				BACKFILL      STATE                          ROWS DONE  PERCENT  ROWS/S  BATCH SIZE  THROTTLE
				users_status  running                        240,000    25.0%    0       2,500       -
				orders_total  failed (revision not applied)  0          -        0       -           replica lag 12s
				orders_total: last error: division by zero
				""");
	}

	@Test
	void emptyBackfillTableSaysThatNoRevisionDeclaresOne() {
		assertThat(new BackfillTable(List.of()).text()).isEqualTo("No revision declares a backfill.\n");
	}

	private static Revision.Builder revision(String id, String message) {
		return Revision.builder(id).message(message).origin(Origin.file("db/" + id + ".sql"));
	}

	private static MigrationStatus status(Set<String> current, List<Revision> pending,
			List<ChecksumMismatch> mismatches, Set<String> unknown) {
		return new MigrationStatus(current, List.of(MERGE), pending, mismatches, List.of(), unknown);
	}

	private static StepResult step(String revision, Direction direction, long millis) {
		return new StepResult(revision, "", direction, Duration.ofMillis(millis), true, Optional.empty());
	}

	private static BackfillStatus backfill(String name, BackfillState state, boolean applied, long rowsDone,
			OptionalLong estimatedTotal, OptionalInt batchSize, Optional<String> throttle, Optional<String> error) {
		return new BackfillStatus(name, "0001_init", "items", applied, state, Optional.empty(), rowsDone, rowsDone,
				estimatedTotal, batchSize, throttle, Optional.empty(), Optional.empty(), error, Optional.empty());
	}

}

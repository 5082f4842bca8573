package dev.migrator.core;

import dev.migrator.core.command.ChecksumMismatchException;
import dev.migrator.core.command.RepairResult;
import dev.migrator.core.error.MigratorException;
import dev.migrator.core.runtime.HistoryEntry;
import dev.migrator.core.runtime.HistoryEntry.Action;
import dev.migrator.core.script.Checksums;

import java.nio.file.Files;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@code repair} on each dialect's real database: an applied revision edited on purpose,
 * and a step a failed run left part-way.
 */
abstract class RepairContract extends RevisionFolderContract {

	private static final String LEDGER = """
			-- migrator:revision 0001_ledger
			-- migrator:upgrade
			CREATE TABLE ledger (entry varchar(20));
			-- migrator:downgrade
			DROP TABLE ledger;
			""";

	private static final String STEPS = """
			-- migrator:revision 0002_steps
			-- migrator:revises 0001_ledger
			-- migrator:transactional false
			-- migrator:upgrade
			INSERT INTO ledger VALUES ('%s');
			INSERT INTO %s VALUES ('u2');
			-- migrator:downgrade
			DELETE FROM ledger;
			""";

	@Test
	void anEditedAppliedRevisionIsRefusedUntilRepairedThenUpgradeProceeds() throws Exception {
		this.folder.file("0001_ledger.sql", LEDGER);
		migrator().upgrade("heads");
		String edited = LEDGER.replace("CREATE TABLE", "-- a comment added on purpose\nCREATE TABLE");
		this.folder.file("0001_ledger.sql", edited);
		this.folder.file("0002_more.sql", """
				-- migrator:revision 0002_more
				-- migrator:revises 0001_ledger
				-- migrator:upgrade
				INSERT INTO ledger VALUES ('more');
				""");
		assertThatExceptionOfType(ChecksumMismatchException.class).isThrownBy(() -> migrator().upgrade("heads"));
		assertThat(migrator().current()).containsExactly("0001_ledger");

		RepairResult result = migrator().repair(List.of());

		assertThat(result.repairs()).containsExactly(new RepairResult.ChecksumRecorded("0001_ledger",
				this.folder.location() + "/0001_ledger.sql", Checksums.of(LEDGER), Checksums.of(edited)));
		HistoryEntry row = migrator().status().recentHistory().get(0);
		assertThat(row.revision()).isEqualTo("0001_ledger");
		assertThat(row.action()).isEqualTo(Action.REPAIR);
		assertThat(row.checksum()).isEqualTo(Checksums.of(edited));
		assertThat(row.runBy()).isNotBlank();
		assertThat(row.error().orElseThrow()).contains("was " + Checksums.of(LEDGER));
		assertThat(migrator().status().checksumMismatches()).isEmpty();
		migrator().upgrade("heads");
		assertThat(migrator().current()).containsExactly("0002_more");
		assertThat(Databases.strings(this.dataSource, "SELECT entry FROM ledger")).containsExactly("more");
	}

	@Test
	void aFailedRunsPartWayStepIsForgottenOnceResolvedAndTheNextUpgradeRunsItFromTheStart() throws Exception {
		this.folder.file("0001_ledger.sql", LEDGER).file("0002_steps.sql", STEPS.formatted("u1", "missing_table"));
		assertThatExceptionOfType(MigratorException.class).isThrownBy(() -> migrator().upgrade("heads"))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo("migration-failed"));
		assertThat(Databases.strings(this.dataSource, "SELECT entry FROM ledger")).containsExactly("u1");
		// The operator undoes the completed statement by hand and rewrites the revision.
		Databases.execute(this.dataSource, "DELETE FROM ledger");
		this.folder.file("0002_steps.sql", STEPS.formatted("v1", "ledger"));
		assertThatExceptionOfType(MigratorException.class).isThrownBy(() -> migrator().upgrade("heads"))
			.withMessageContaining("its statements up to there have changed since");

		RepairResult result = migrator().repair(List.of("0002_steps"));

		assertThat(result.repairs())
			.containsExactly(new RepairResult.PartWayCleared("0002_steps", "upgrade", List.of(5)));
		assertThat(migrator().status().recentHistory().get(0)).satisfies((row) -> {
			assertThat(row.action()).isEqualTo(Action.REPAIR);
			assertThat(row.error().orElseThrow()).contains("forgot the part-way upgrade");
		});
		migrator().upgrade("heads");
		assertThat(Databases.strings(this.dataSource, "SELECT entry FROM ledger ORDER BY entry")).containsExactly("u2",
				"v1");
		assertThat(migrator().check().isUpToDate()).isTrue();
	}

	@Test
	void nothingToRepairIsRefusedAndChangesNothing() throws Exception {
		this.folder.file("0001_ledger.sql", LEDGER);
		migrator().upgrade("heads");
		int rows = migrator().status().recentHistory().size();
		assertThatExceptionOfType(MigratorException.class).isThrownBy(() -> migrator().repair(List.of()))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo("nothing-to-repair"))
			.withMessageContaining("Nothing to repair")
			.withMessageEndingWith("Nothing was changed.");
		assertThat(migrator().status().recentHistory()).hasSize(rows);
	}

	@Test
	void aNamedRevisionMustBeKnownAndNeedRepairAndNothingIsChangedOtherwise() throws Exception {
		this.folder.file("0001_ledger.sql", LEDGER);
		this.folder.file("0002_more.sql", """
				-- migrator:revision 0002_more
				-- migrator:revises 0001_ledger
				-- migrator:upgrade
				INSERT INTO ledger VALUES ('more');
				""");
		migrator().upgrade("heads");
		Files.writeString(this.folder.path().resolve("0002_more.sql"),
				Files.readString(this.folder.path().resolve("0002_more.sql")) + "-- edited\n");
		assertThatExceptionOfType(MigratorException.class)
			.isThrownBy(() -> migrator().repair(List.of("0002_more", "0009_typo")))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo("unknown-revision"))
			.withMessageContaining("migrator.repair.revisions names 0009_typo");
		assertThatExceptionOfType(MigratorException.class).isThrownBy(() -> migrator().repair(List.of("0001_ledger")))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo("nothing-to-repair"))
			.withMessageStartingWith("Revision 0001_ledger needs no repair");
		assertThat(migrator().status().checksumMismatches()).extracting((m) -> m.revision())
			.containsExactly("0002_more");
		this.folder.file("R__one.sql",
				"-- migrator:revision R__one\n-- migrator:repeatable true\n-- migrator:upgrade\nSELECT 1;\n");
		assertThatExceptionOfType(MigratorException.class).isThrownBy(() -> migrator().repair(List.of("R__one")))
			.satisfies((ex) -> assertThat(ex.code()).as("a repeatable revision is one of the code")
				.isEqualTo("nothing-to-repair"));
		assertThat(migrator().repair(List.of("0002_more")).repairs()).extracting(RepairResult.Repair::revision)
			.containsExactly("0002_more");
		assertThat(migrator().status().checksumMismatches()).isEmpty();
	}

}

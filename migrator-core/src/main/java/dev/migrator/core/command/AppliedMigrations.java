package dev.migrator.core.command;

import dev.migrator.core.error.ErrorCode;
import dev.migrator.core.error.MigratorException;
import dev.migrator.core.flyway.FlywayHistoryRow;
import dev.migrator.core.flyway.FlywayMigrationFile;
import dev.migrator.core.flyway.FlywayVersion;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which versioned migrations Flyway's history says are applied, checked against the
 * files: a failed or Java migration, an applied migration without its file, a file edited
 * since Flyway applied it, and a migration Flyway skipped below one it applied are each
 * refused, naming it.
 */
final class AppliedMigrations {

	private static final String NOTHING_DONE = " Nothing was written or recorded.";

	/** Applied versioned migrations, in the order Flyway applied them. */
	private final List<FlywayHistoryRow> applied;

	/** The latest run of each repeatable migration, by file name. */
	private final Map<String, FlywayHistoryRow> repeatableRuns;

	private final Optional<FlywayHistoryRow> baseline;

	private AppliedMigrations(List<FlywayHistoryRow> applied, Map<String, FlywayHistoryRow> repeatableRuns,
			Optional<FlywayHistoryRow> baseline) {
		this.applied = applied;
		this.repeatableRuns = repeatableRuns;
		this.baseline = baseline;
	}

	static AppliedMigrations of(List<FlywayHistoryRow> rows, List<FlywayMigrationFile> files) {
		List<FlywayHistoryRow> applied = new ArrayList<>();
		Map<String, FlywayHistoryRow> repeatableRuns = new HashMap<>();
		Optional<FlywayHistoryRow> baseline = Optional.empty();
		for (FlywayHistoryRow row : rows) {
			if (!row.success()) {
				throw new MigratorException(ErrorCode.IMPORT_FAILED_MIGRATION,
						"Flyway recorded a failed migration, " + row.describe() + "." + NOTHING_DONE
								+ " Settle it with Flyway first (fix the database, then "
								+ "flyway repair), then import again.");
			}
			if (row.isSchemaCreation()) {
				continue;
			}
			if (row.isDeletion()) {
				applied.removeIf((earlier) -> sameVersion(earlier, row));
				continue;
			}
			if (row.isBaseline()) {
				baseline = Optional.of(row);
				continue;
			}
			if (row.isJava()) {
				throw new MigratorException(ErrorCode.IMPORT_JAVA_MIGRATION, "Flyway applied a Java migration, "
						+ row.describe() + ", and the import reads SQL files only." + NOTHING_DONE + " Write what it "
						+ "did as a SQL migration in the Flyway project (the same version, run flyway repair to record "
						+ "its checksum), then import again.");
			}
			if (!row.isSql()) {
				throw new MigratorException(ErrorCode.IMPORT_UNSUPPORTED, "Flyway's history holds a row of type "
						+ row.type() + ", " + row.describe() + ", which the import does not know." + NOTHING_DONE);
			}
			if (row.version().isEmpty()) {
				// Each run of a repeatable migration is a row: the latest tells what ran.
				repeatableRuns.put(row.script(), row);
				continue;
			}
			applied.add(row);
		}
		AppliedMigrations migrations = new AppliedMigrations(applied, repeatableRuns, baseline);
		migrations.check(files);
		return migrations;
	}

	private void check(List<FlywayMigrationFile> files) {
		for (FlywayHistoryRow row : this.applied) {
			FlywayMigrationFile file = files.stream()
				.filter((f) -> f.version().orElseThrow().sameAs(row.version().orElseThrow()))
				.findFirst()
				.orElseThrow(() -> new MigratorException(ErrorCode.IMPORT_MISSING_FILE,
						"Flyway applied " + row.describe() + ", but no file of migrator.import.locations has that "
								+ "version." + NOTHING_DONE + " Add the locations that hold it, then import again."));
			if (row.checksum().isPresent() && row.checksum().getAsInt() != file.checksum()) {
				throw new MigratorException(ErrorCode.IMPORT_CHECKSUM_MISMATCH, file.location()
						+ " was edited after Flyway applied it: Flyway recorded checksum " + row.checksum().getAsInt()
						+ ", the file's is " + file.checksum() + "." + NOTHING_DONE + " Put the file back as it "
						+ "ran (or, if the change was deliberate, record it with flyway repair), then import again.");
			}
		}
		Optional<FlywayVersion> highest = this.applied.stream()
			.map((row) -> row.version().orElseThrow())
			.max(FlywayVersion::compareTo);
		for (FlywayMigrationFile file : files) {
			FlywayVersion version = file.version().orElseThrow();
			if (!covers(file) && highest.isPresent() && version.compareTo(highest.get()) < 0) {
				throw new MigratorException(ErrorCode.IMPORT_OUT_OF_ORDER,
						file.location() + " was never applied, " + "but Flyway applied the later version "
								+ highest.get() + "." + NOTHING_DONE
								+ " A revision chain has no room for it below what ran: apply it with Flyway first "
								+ "(flyway migrate -outOfOrder=true), or move it above version " + highest.get()
								+ ", then import again.");
			}
		}
	}

	/** Whether Flyway applied the file's migration, or its baseline covers it. */
	boolean covers(FlywayMigrationFile file) {
		return row(file).isPresent();
	}

	/**
	 * The history row that applied the file's migration, or the baseline that covers it.
	 */
	FlywayHistoryRow rowFor(FlywayMigrationFile file) {
		return row(file).orElseThrow();
	}

	private Optional<FlywayHistoryRow> row(FlywayMigrationFile file) {
		if (file.kind() == FlywayMigrationFile.Kind.REPEATABLE) {
			// Applied only as it is now: a file changed since its latest run is one
			// Flyway
			// would run again, and so will migrator.
			return Optional.ofNullable(this.repeatableRuns.get(file.fileName()))
				.filter((row) -> row.checksum().isEmpty() || row.checksum().getAsInt() == file.checksum());
		}
		FlywayVersion version = file.version().orElseThrow();
		Optional<FlywayHistoryRow> applied = this.applied.stream()
			.filter((row) -> row.version().orElseThrow().sameAs(version))
			.findFirst();
		if (applied.isPresent()) {
			return applied;
		}
		return this.baseline.filter((b) -> b.version().isPresent() && version.compareTo(b.version().get()) <= 0);
	}

	private static boolean sameVersion(FlywayHistoryRow a, FlywayHistoryRow b) {
		return a.version().isPresent() && b.version().isPresent() && a.version().get().sameAs(b.version().get());
	}

}

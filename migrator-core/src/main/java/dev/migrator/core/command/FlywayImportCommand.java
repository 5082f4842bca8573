package dev.migrator.core.command;

import dev.migrator.core.error.ErrorCode;
import dev.migrator.core.error.MigratorException;
import dev.migrator.core.flyway.FlywayHistory;
import dev.migrator.core.flyway.FlywayHistoryRow;
import dev.migrator.core.flyway.FlywayMigrationFile;
import dev.migrator.core.script.Placeholders;
import dev.migrator.core.runtime.HistoryEntry.Action;
import dev.migrator.core.runtime.HistoryEntry.Outcome;
import dev.migrator.core.script.Revision;
import dev.migrator.core.script.SqlFolder;
import dev.migrator.core.script.SqlRevisionParser;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code import}: turns a Flyway project and the history Flyway recorded into revision
 * files and migrator's own state, running none of their SQL. Every check comes first
 * (checksums, failed or Java migrations, gaps, placeholders, files in the way), so a
 * refused import writes and records nothing. Running it again changes nothing.
 */
public final class FlywayImportCommand {

	private static final Logger logger = LoggerFactory.getLogger(FlywayImportCommand.class);

	/** What a revision id may hold. */
	private static final Pattern REVISION_ID = Pattern.compile("[A-Za-z0-9_.-]+");

	private final CommandContext context;

	public FlywayImportCommand(CommandContext context) {
		this.context = context;
	}

	public FlywayImportResult run(FlywayImportRequest request) {
		if (request.locations().isEmpty()) {
			throw new MigratorException(ErrorCode.INVALID_CONFIGURATION,
					"The import has no Flyway location to read. Set migrator.import.locations to the folders of the "
							+ "Flyway migrations (spring.flyway.locations), such as classpath:db/migration.");
		}
		List<String> skipped = new ArrayList<>();
		List<FlywayMigrationFile> repeatable = new ArrayList<>();
		List<FlywayMigrationFile> versioned = versionedFiles(request, skipped, repeatable);
		// One read for both: what Flyway recorded, and whether migrator has run here.
		DatabaseState state = this.context.sessions().read((session) -> {
			FlywayHistory history = new FlywayHistory(session.dialect(), this.context.config().tables().schema(),
					request.table());
			if (!history.exists(session.connection())) {
				throw new MigratorException(ErrorCode.IMPORT_NO_HISTORY,
						"There is no Flyway history table " + history.qualifiedName() + " in this database, so "
								+ "there is nothing to import. Point the job at the database Flyway migrated, or set "
								+ "migrator.import.table to the table Flyway used (spring.flyway.table).");
			}
			return new DatabaseState(history.rows(session.connection()), session.versionRows());
		});
		List<FlywayHistoryRow> rows = state.flywayRows();
		AppliedMigrations applied = AppliedMigrations.of(rows, versioned);
		List<ImportedRevision> revisions = revisions(versioned, repeatable, applied, request);
		List<Path> written = new ArrayList<>();
		List<Path> unchanged = new ArrayList<>();
		for (ImportedRevision revision : revisions) {
			Path file = request.output().resolve(revision.file().revisionId() + ".sql");
			if (Files.exists(file)) {
				if (!read(file).equals(revision.text())) {
					throw new MigratorException(ErrorCode.IMPORT_OUTPUT_CONFLICT, file + " exists and holds something "
							+ "else than the revision imported from " + revision.file().location() + ". Nothing was "
							+ "written or recorded. Remove it, or set migrator.import.output to an empty folder.");
				}
				unchanged.add(file);
			}
			else {
				written.add(file);
			}
		}
		Optional<ImportedRevision> current = revisions.stream()
			.filter((r) -> r.applied() && !r.revision().repeatable())
			.reduce((a, b) -> b);
		Set<String> before = state.versionRows();
		checkNotMigratedElsewhere(before, current);
		write(request.output(), revisions, written);
		boolean recorded = current.isPresent() && before.isEmpty() && record(revisions, current.get(), applied);
		List<String> pending = revisions.stream().filter((r) -> !r.applied()).map((r) -> r.revision().id()).toList();
		logger.info("Imported {} Flyway migration(s) into {} ({} written, {} unchanged); the database is at {}{}",
				revisions.size(), request.output(), written.size(), unchanged.size(),
				current.map((r) -> r.revision().id()).orElse("base"),
				pending.isEmpty() ? "" : "; pending: " + String.join(", ", pending));
		return new FlywayImportResult(written, unchanged, current.map((r) -> r.revision().id()), pending, recorded,
				skipped);
	}

	private List<FlywayMigrationFile> versionedFiles(FlywayImportRequest request, List<String> skipped,
			List<FlywayMigrationFile> repeatable) {
		List<FlywayMigrationFile> versioned = new ArrayList<>();
		for (String location : request.locations()) {
			for (SqlFolder.File file : new SqlFolder(location, this.context.config().classLoader(),
					"migrator.import.locations")
				.files()) {
				FlywayMigrationFile migration = FlywayMigrationFile.of(file.name(), file.location(), file.text());
				switch (migration.kind()) {
					case VERSIONED -> versioned.add(migration);
					case REPEATABLE -> repeatable.add(migration);
					case BASELINE -> throw new MigratorException(ErrorCode.IMPORT_UNSUPPORTED, migration.location()
							+ " is a Flyway baseline migration, which the import does not read. Nothing was written "
							+ "or recorded. Move it out of migrator.import.locations, then import again.");
					case UNDO, OTHER -> {
						skipped.add(file.location());
						logger.warn(
								"Skipping {}: not a versioned migration by Flyway's naming (V<version>__<name>.sql)",
								file.location());
					}
				}
			}
		}
		versioned.sort(Comparator.comparing((f) -> f.version().orElseThrow()));
		for (int i = 1; i < versioned.size(); i++) {
			FlywayMigrationFile previous = versioned.get(i - 1);
			FlywayMigrationFile file = versioned.get(i);
			if (previous.version().orElseThrow().sameAs(file.version().orElseThrow())) {
				throw new MigratorException(ErrorCode.IMPORT_DUPLICATE_VERSION,
						previous.location() + " and " + file.location() + " have the same Flyway version "
								+ file.version().orElseThrow() + ". Nothing was written or recorded. Keep one.");
			}
		}
		repeatable.sort(Comparator.comparing(FlywayMigrationFile::revisionId));
		for (FlywayMigrationFile file : java.util.stream.Stream.concat(versioned.stream(), repeatable.stream())
			.toList()) {
			if (!REVISION_ID.matcher(file.revisionId()).matches()) {
				throw new MigratorException(ErrorCode.IMPORT_UNSUPPORTED,
						file.location() + ": its name becomes the revision id '" + file.revisionId() + "', and an id "
								+ "may hold only letters, digits, '_', '.' and '-'. Nothing was written or "
								+ "recorded. Rename the file (in Flyway too, with flyway repair), then import again.");
			}
		}
		return versioned;
	}

	private List<ImportedRevision> revisions(List<FlywayMigrationFile> versioned, List<FlywayMigrationFile> repeatable,
			AppliedMigrations applied, FlywayImportRequest request) {
		Placeholders placeholders = new Placeholders(request.placeholders());
		SqlRevisionParser parser = new SqlRevisionParser();
		List<ImportedRevision> revisions = new ArrayList<>();
		String parent = null;
		for (FlywayMigrationFile file : java.util.stream.Stream.concat(versioned.stream(), repeatable.stream())
			.toList()) {
			Placeholders.Result replaced = placeholders.replace(file.text());
			if (replaced.unknown().isPresent()) {
				Placeholders.Unknown unknown = replaced.unknown().get();
				throw new MigratorException(ErrorCode.IMPORT_UNKNOWN_PLACEHOLDER,
						file.location() + ":" + unknown.line() + " uses the Flyway placeholder ${" + unknown.name()
								+ "}, which has no value. Nothing was written or recorded. Set "
								+ "migrator.import.placeholders." + unknown.name()
								+ " to the value Flyway was given (spring.flyway.placeholders." + unknown.name()
								+ "), then import again.");
			}
			String text = revisionText(file, parent, replaced.text().orElseThrow());
			Path output = request.output().resolve(file.revisionId() + ".sql");
			Revision revision = parser.parse("filesystem:" + output.toAbsolutePath(), text);
			revisions.add(new ImportedRevision(file, revision, text, applied.covers(file)));
			if (!revision.repeatable()) {
				parent = file.revisionId();
			}
		}
		return revisions;
	}

	/**
	 * The revision file: headers that chain it after the previous migration and name the
	 * original, then Flyway's SQL as it ran.
	 */
	private static String revisionText(FlywayMigrationFile file, String parent, String sql) {
		StringBuilder text = new StringBuilder();
		text.append("-- migrator:revision ").append(file.revisionId()).append('\n');
		if (file.kind() == FlywayMigrationFile.Kind.REPEATABLE) {
			// Flyway runs its repeatable migrations after the versioned ones, in name
			// order: as migrator runs repeatable revisions, ties broken by id.
			text.append("-- migrator:repeatable true\n");
		}
		else if (parent != null) {
			text.append("-- migrator:revises ").append(parent).append('\n');
		}
		text.append("-- migrator:message ")
			.append(file.description().isBlank() ? file.revisionId() : file.description())
			.append(" (imported from Flyway's ")
			.append(file.fileName())
			.append(")\n");
		if (sql.contains("${")) {
			// Flyway's placeholders are replaced already: what is left is SQL, not one of
			// ours.
			text.append("-- migrator:placeholders false\n");
		}
		text.append("-- migrator:upgrade\n").append(sql);
		if (!sql.endsWith("\n")) {
			text.append('\n');
		}
		return text.toString();
	}

	private static void checkNotMigratedElsewhere(Set<String> before, Optional<ImportedRevision> current) {
		if (before.isEmpty()) {
			return;
		}
		Set<String> imported = current.map((r) -> Set.of(r.revision().id())).orElse(Set.of());
		if (!before.equals(imported)) {
			throw new MigratorException(ErrorCode.IMPORT_ALREADY_MIGRATED,
					"migrator already records this database at " + String.join(", ", before) + ", not at "
							+ (imported.isEmpty() ? "base" : imported.iterator().next()) + " where Flyway left it. "
							+ "Nothing was written or recorded. The import brings over a database that only Flyway "
							+ "has migrated; point it at that one.");
		}
	}

	private static void write(Path output, List<ImportedRevision> revisions, List<Path> written) {
		try {
			Files.createDirectories(output);
			for (ImportedRevision revision : revisions) {
				Path file = output.resolve(revision.file().revisionId() + ".sql");
				if (written.contains(file)) {
					Files.writeString(file, revision.text(), StandardCharsets.UTF_8);
				}
			}
		}
		catch (IOException ex) {
			throw new MigratorException(ErrorCode.IMPORT_OUTPUT_CONFLICT, "Could not write the revision files to "
					+ output + " (" + ex.getMessage() + "). Nothing was recorded. Check migrator.import.output.", ex);
		}
	}

	/**
	 * Records the database at the last applied revision, with one history row per
	 * migration Flyway applied, keeping when, by whom and how long.
	 */
	private boolean record(List<ImportedRevision> revisions, ImportedRevision current, AppliedMigrations applied) {
		return this.context.sessions().write((session) -> {
			Set<String> now = session.versionRows();
			if (!now.isEmpty()) {
				checkNotMigratedElsewhere(now, Optional.of(current));
				return false;
			}
			session.inTransaction((tx) -> {
				tx.versions().replace(tx.connection(), Set.of(current.revision().id()));
				for (ImportedRevision revision : revisions) {
					if (revision.applied()) {
						appendHistory(tx, revision, applied.rowFor(revision.file()));
					}
				}
				return null;
			});
			return true;
		});
	}

	private static void appendHistory(Session tx, ImportedRevision revision, FlywayHistoryRow row) throws SQLException {
		Instant finished = row.installedOn().plusMillis(Math.max(0, row.executionMillis()));
		tx.history()
			.append(tx.connection(), revision.revision().id(), Action.UPGRADE, revision.revision().checksum(),
					row.installedOn(), finished, Outcome.SUCCESS, Optional.empty(), row.installedBy());
	}

	private static String read(Path file) {
		try {
			return Files.readString(file, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new MigratorException(ErrorCode.IMPORT_OUTPUT_CONFLICT,
					file + " exists and cannot be read (" + ex.getMessage() + "). Nothing was written or recorded.",
					ex);
		}
	}

	/**
	 * What the database holds before the import.
	 *
	 * @param flywayRows Flyway's history, in the order it applied its rows
	 * @param versionRows migrator's version rows; none when migrator never ran here
	 */
	private record DatabaseState(List<FlywayHistoryRow> flywayRows, Set<String> versionRows) {
	}

	/**
	 * A Flyway migration as a revision.
	 *
	 * @param file the Flyway file
	 * @param revision the revision parsed from the text written for it
	 * @param text the revision file's text
	 * @param applied whether Flyway applied it (or a baseline covers it)
	 */
	private record ImportedRevision(FlywayMigrationFile file, Revision revision, String text, boolean applied) {
	}

}

package dev.migrator.core.command;

import dev.migrator.core.baseline.ExcludedTables;
import dev.migrator.core.baseline.LiveSchema;
import dev.migrator.core.baseline.SchemaReader;
import dev.migrator.core.config.MigratorConfig;
import dev.migrator.core.error.ErrorCode;
import dev.migrator.core.error.MigratorException;
import dev.migrator.core.runtime.HistoryEntry.Action;
import dev.migrator.core.runtime.HistoryEntry.Outcome;
import dev.migrator.core.script.Revision;
import dev.migrator.core.script.SqlRevisionParser;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code baseline}: writes one revision whose upgrade recreates the live schema (read
 * from the catalog) and records the database at it, running none of it, so that a
 * database made by another tool or by hand comes under migrator. Under the run lock the
 * schema is read, the file written and the database recorded; a refusal writes and
 * records nothing, and a database already recorded at the baseline is left as it is.
 */
public final class BaselineCommand {

	private static final Logger logger = LoggerFactory.getLogger(BaselineCommand.class);

	/** What a revision id may hold. */
	private static final Pattern REVISION_ID = Pattern.compile("[A-Za-z0-9_.-]+");

	/** Words that name targets, not revisions. */
	private static final Set<String> RESERVED = Set.of("head", "heads", "base", "current");

	private final CommandContext context;

	public BaselineCommand(CommandContext context) {
		this.context = context;
	}

	public BaselineResult run(BaselineRequest request) {
		if (!REVISION_ID.matcher(request.revision()).matches() || RESERVED.contains(request.revision())) {
			throw new MigratorException(ErrorCode.INVALID_CONFIGURATION, "'" + request.revision() + "' is not a "
					+ "revision id for the baseline: use letters, digits, '_', '.' and '-', and none of head, heads, "
					+ "base and current, which name targets (migrator.baseline.revision).");
		}
		Path file = request.file();
		// Checked before the state tables are made: a refusal leaves the database alone.
		Set<String> before = this.context.sessions().read(Session::versionRows);
		if (isDone(before, request, file)) {
			return new BaselineResult(request.revision(), file, false, "", Map.of());
		}
		refuseExistingFile(file);
		return this.context.sessions().write((session) -> {
			if (isDone(session.versionRows(), request, file)) {
				return new BaselineResult(request.revision(), file, false, "", Map.of());
			}
			Instant started = Instant.now();
			LiveSchema schema = SchemaReader.forDialect(session.dialect().name())
				.read(session.connection(), excludedTables(this.context.config()));
			if (schema.objects().isEmpty()) {
				throw new MigratorException(ErrorCode.BASELINE_EMPTY_SCHEMA,
						"There is nothing to baseline: the " + schema.description()
								+ " holds no table, view, type, sequence or function. Nothing was "
								+ "written or recorded. Start with revisions instead (upgrade runs them here).");
			}
			String text = BaselineRevisionText.of(request.revision(), schema, started);
			Revision revision = new SqlRevisionParser().parse("filesystem:" + file.toAbsolutePath(), text);
			write(file, text);
			try {
				record(session, revision, schema, started);
			}
			catch (SQLException | RuntimeException ex) {
				// Nothing recorded: nothing written either, so that the next run starts
				// clean.
				deleteQuietly(file, ex);
				throw ex;
			}
			Map<String, Integer> counts = BaselineRevisionText.counts(schema);
			logger.info("Baselined the {} as revision {} in {} ({}); the database is recorded at it",
					schema.description(), revision.id(), file, BaselineResult.inWords(counts));
			return new BaselineResult(revision.id(), file, true, schema.description(), counts);
		});
	}

	/**
	 * Whether an earlier baseline recorded the database at this revision; any other
	 * version row is a refusal.
	 */
	private static boolean isDone(Set<String> versionRows, BaselineRequest request, Path file) {
		if (versionRows.isEmpty()) {
			return false;
		}
		if (versionRows.equals(Set.of(request.revision()))) {
			logger.info("The database is recorded at {} already; the baseline wrote and recorded nothing{}",
					request.revision(), Files.exists(file) ? "" : " (and " + file + " is not there)");
			return true;
		}
		throw new MigratorException(ErrorCode.BASELINE_ALREADY_MIGRATED,
				"migrator already records this database at " + String.join(", ", versionRows)
						+ ", so its schema is migrator's already. Nothing was written or recorded. To record it at "
						+ "another revision without running anything, use stamp (migrator.job.command=stamp).");
	}

	private static void refuseExistingFile(Path file) {
		if (Files.exists(file)) {
			throw existingFile(file);
		}
	}

	private static MigratorException existingFile(Path file) {
		return new MigratorException(ErrorCode.BASELINE_OUTPUT_CONFLICT, file + " exists already. Nothing was "
				+ "written or recorded. Remove it (an earlier baseline that failed before recording leaves none), or "
				+ "set migrator.baseline.output to another folder.");
	}

	private void record(Session session, Revision revision, LiveSchema schema, Instant started) throws SQLException {
		session.inTransaction((tx) -> {
			tx.versions().replace(tx.connection(), Set.of(revision.id()));
			tx.history()
				.append(tx.connection(), revision.id(), Action.BASELINE, revision.checksum(), started, Instant.now(),
						Outcome.SUCCESS, Optional.of("baseline of " + schema.description()), CommandContext.runBy());
			return null;
		});
	}

	static ExcludedTables excludedTables(MigratorConfig config) {
		String backfills = config.backfillSettings().table();
		return new ExcludedTables(
				List.of(config.tables().versionTable(), config.tables().historyTable(), config.tables().progressTable(),
						backfills, backfills + "_chunk", config.compatibility().clientsTable()));
	}

	private static void write(Path file, String text) {
		try {
			Files.createDirectories(file.toAbsolutePath().getParent());
			Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
		}
		catch (FileAlreadyExistsException ex) {
			throw existingFile(file);
		}
		catch (IOException ex) {
			throw new MigratorException(ErrorCode.BASELINE_OUTPUT_CONFLICT, "Could not write " + file + " ("
					+ ex.getMessage() + "). Nothing was recorded. Check migrator.baseline.output.", ex);
		}
	}

	private static void deleteQuietly(Path file, Exception failure) {
		try {
			Files.deleteIfExists(file);
		}
		catch (IOException ex) {
			failure.addSuppressed(ex);
		}
	}

}

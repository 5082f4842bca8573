package dev.migrator.core.command;

import dev.migrator.core.error.ErrorCode;

import dev.migrator.core.backfill.BackfillStatus;
import dev.migrator.core.error.MigratorException;
import dev.migrator.core.script.Revision;

import java.util.List;
import java.util.stream.Collectors;

/**
 * {@code check} found pending revisions, edited applied ones, or heads to merge.
 */
public class CheckFailedException extends MigratorException {

	private final MigrationStatus status;

	public CheckFailedException(MigrationStatus status) {
		this(status, List.of());
	}

	/**
	 * @param status where the database stands
	 * @param unmergedHeads heads no branch label or {@code depends-on} keeps apart
	 */
	public CheckFailedException(MigrationStatus status, List<Revision> unmergedHeads) {
		super(ErrorCode.CHECK_FAILED, message(status, unmergedHeads));
		this.status = status;
	}

	public MigrationStatus status() {
		return this.status;
	}

	private static String message(MigrationStatus status, List<Revision> unmergedHeads) {
		StringBuilder message = new StringBuilder("Check failed.");
		if (!status.pending().isEmpty()) {
			message.append(' ')
				.append(status.pending().size())
				.append(" revision(s) pending: ")
				.append(status.pending().stream().limit(20).map(Revision::id).collect(Collectors.joining(", ")))
				.append(status.pending().size() > 20 ? ", …" : "")
				.append(". Run upgrade.");
		}
		if (status.isAheadOfCode()) {
			message.append(" The database is at ")
				.append(String.join(", ", new java.util.TreeSet<>(status.unknownCurrent())))
				.append(", which this code does not know: it is ahead of this code (a newer version migrated it) or a ")
				.append("revision file was removed. Deploy the code that has it, or restore the file.");
		}
		if (!unmergedHeads.isEmpty()) {
			String ids = unmergedHeads.stream().map(Revision::id).collect(Collectors.joining(","));
			message.append(" The revisions have ")
				.append(unmergedHeads.size())
				.append(" heads that no branch label or depends-on keeps apart: ")
				.append(ids.replace(",", ", "))
				.append(". They are one history that forked: merge them with a merge revision (mvn migrator:merge ")
				.append("-Dmigrator.message=\"merge heads\" -Dmigrator.heads=")
				.append(ids)
				.append("), or give an independent branch a branch label.");
		}
		if (!status.checksumMismatches().isEmpty()) {
			message.append(' ').append(ChecksumMismatchException.message(status.checksumMismatches()));
		}
		for (BackfillStatus backfill : status.unfinishedBackfills()) {
			message.append(" Backfill ")
				.append(backfill.name())
				.append(" (declared by ")
				.append(backfill.revision())
				.append(") is ")
				.append(backfill.state().label())
				.append(backfill.percent().isPresent()
						? String.format(java.util.Locale.ROOT, " at %.0f%%", backfill.percent().getAsDouble()) : "")
				.append(": the revisions after it wait for its data. Run migrator.job.command=backfill")
				.append(backfill.state().isRunnable() ? "." : " after backfill-resume.");
		}
		return message.toString();
	}

}

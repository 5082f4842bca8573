package dev.migrator.core.command;

import dev.migrator.core.backfill.BackfillStatus;
import dev.migrator.core.error.MigratorException;
import dev.migrator.core.script.Revision;

import java.util.stream.Collectors;

/** {@code check} found pending revisions or edited applied ones. */
public class CheckFailedException extends MigratorException {

	private final MigrationStatus status;

	public CheckFailedException(MigrationStatus status) {
		super("check-failed", message(status));
		this.status = status;
	}

	public MigrationStatus status() {
		return this.status;
	}

	private static String message(MigrationStatus status) {
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

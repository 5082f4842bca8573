package dev.migrator.core;

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
			message.append(' ').append(status.pending().size()).append(" revision(s) pending: ")
				.append(status.pending().stream().limit(20).map(Revision::id).collect(Collectors.joining(", ")))
				.append(status.pending().size() > 20 ? ", …" : "").append(". Run upgrade.");
		}
		if (!status.checksumMismatches().isEmpty()) {
			message.append(' ').append(ChecksumMismatchException.message(status.checksumMismatches()));
		}
		return message.toString();
	}

}

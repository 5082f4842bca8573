package dev.migrator.core.command;

import dev.migrator.core.error.ErrorCode;

import dev.migrator.core.command.ChecksumMismatch;
import dev.migrator.core.error.MigratorException;
import java.util.List;
import java.util.stream.Collectors;

/** Applied revisions were edited; nothing was run. */
public class ChecksumMismatchException extends MigratorException {

	private final List<ChecksumMismatch> mismatches;

	public ChecksumMismatchException(List<ChecksumMismatch> mismatches) {
		super(ErrorCode.CHECKSUM_MISMATCH, message(mismatches));
		this.mismatches = List.copyOf(mismatches);
	}

	public List<ChecksumMismatch> mismatches() {
		return this.mismatches;
	}

	public static String message(List<ChecksumMismatch> mismatches) {
		return "Applied revision" + (mismatches.size() == 1 ? " " : "s ")
				+ mismatches.stream().map(ChecksumMismatch::describe).collect(Collectors.joining(", "))
				+ (mismatches.size() == 1 ? " was" : " were")
				+ " edited after being applied: the content no longer matches the checksum recorded in the history table. "
				+ "Nothing was run. Migration files are history: restore the applied content (from version control) and "
				+ "put the change in a new revision. If the edit is harmless (a comment, formatting), set the checksum "
				+ "policy to WARN.";
	}

}

package dev.migrator.core.report;

import dev.migrator.core.command.MigrationStatus;

import java.util.List;

/**
 * The outcome of a check that passed: {@code Up to date at 0002_add_email}, with the
 * edited applied revisions a {@code WARN} checksum policy let through.
 *
 * @param status the status the check passed with
 */
public record UpToDateText(MigrationStatus status) implements Report {

	@Override
	public String text() {
		int edited = this.status.checksumMismatches().size();
		String mismatches = (edited == 0) ? ""
				: " (" + edited + " edited applied revision(s), allowed by checksum policy WARN)";
		return Lines.of(List.of("Up to date at " + Lines.rows(this.status.current()) + mismatches));
	}

}

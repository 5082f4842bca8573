package dev.migrator.core.report;

import dev.migrator.core.command.DriftResult;

import java.util.ArrayList;
import java.util.List;

/**
 * What {@code drift} found, one difference per line:
 *
 * <pre>
 * Drift at 0002_add_email: 2 difference(s) between the database and its revisions
 *   table accounts: column note text is in the database, not in the revisions
 *   table accounts: index accounts_email_idx (index (email, )) is in the revisions, not in the database
 * </pre>
 *
 * or {@code No drift at 0002_add_email}.
 *
 * @param result the comparison
 */
public record DriftText(DriftResult result) implements Report {

	@Override
	public String text() {
		String at = Lines.rows(this.result.revisions());
		if (!this.result.drifted()) {
			return Lines.of(List.of("No drift at " + at + ": the database has the schema its revisions produce"));
		}
		List<String> lines = new ArrayList<>();
		lines.add("Drift at " + at + ": " + this.result.differences().size()
				+ " difference(s) between the database and its revisions");
		this.result.differences().forEach((difference) -> lines.add("  " + difference));
		return Lines.of(lines);
	}

}

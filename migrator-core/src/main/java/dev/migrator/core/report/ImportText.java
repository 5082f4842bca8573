package dev.migrator.core.report;

import dev.migrator.core.command.FlywayImportResult;

import java.util.ArrayList;
import java.util.List;

/**
 * What an import did: the files written, where the database is recorded, what is left to
 * upgrade.
 *
 * @param result the import's result
 */
public record ImportText(FlywayImportResult result) implements Report {

	@Override
	public String text() {
		List<String> lines = new ArrayList<>();
		this.result.written().forEach((file) -> lines.add("Wrote " + file));
		if (!this.result.unchanged().isEmpty()) {
			lines.add(this.result.unchanged().size() + " revision file(s) already there, unchanged");
		}
		String current = this.result.current().orElse("base");
		lines.add(this.result.recorded() ? "Recorded the database at " + current
				: "The database is at " + current + " (recorded already)");
		lines.add(this.result.pending().isEmpty() ? "Nothing pending"
				: "Pending, for the next upgrade: " + String.join(", ", this.result.pending()));
		this.result.skipped().forEach((file) -> lines.add("Skipped " + file + " (not a versioned migration)"));
		return Lines.of(lines);
	}

}

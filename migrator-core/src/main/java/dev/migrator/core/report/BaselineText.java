package dev.migrator.core.report;

import dev.migrator.core.command.BaselineResult;

import java.util.ArrayList;
import java.util.List;

/**
 * What a baseline did: the file written and what it recreates, where the database is
 * recorded, and what to do next.
 *
 * @param result the baseline's result
 */
public record BaselineText(BaselineResult result) implements Report {

	@Override
	public String text() {
		List<String> lines = new ArrayList<>();
		if (!this.result.written()) {
			lines.add("The database is recorded at " + this.result.revision()
					+ " already (an earlier baseline): nothing written or recorded");
			return Lines.of(lines);
		}
		lines.add("Wrote " + this.result.file() + ", a baseline of the " + this.result.schema());
		lines.add("It recreates " + this.result.objectsInWords());
		lines.add("Recorded the database at " + this.result.revision() + " without running it");
		lines.add("Next: add " + this.result.file().toAbsolutePath().getParent()
				+ " to migrator.locations; new revisions revise " + this.result.revision());
		return Lines.of(lines);
	}

}

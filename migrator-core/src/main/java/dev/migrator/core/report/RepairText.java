package dev.migrator.core.report;

import dev.migrator.core.command.RepairResult;

import java.util.ArrayList;
import java.util.List;

/**
 * What a repair did, one line per repair, and what the next run does about it.
 *
 * @param result the repair's result
 */
public record RepairText(RepairResult result) implements Report {

	@Override
	public String text() {
		List<String> lines = new ArrayList<>();
		for (RepairResult.Repair repair : this.result.repairs()) {
			if (repair instanceof RepairResult.ChecksumRecorded edited) {
				lines.add("Repaired " + edited.revision() + " (" + edited.location() + "): recorded its checksum "
						+ edited.now() + " (was " + edited.was() + ")");
			}
			else if (repair instanceof RepairResult.PartWayCleared cleared) {
				String again = cleared.direction().equals("upgrade") ? "the next upgrade to it runs it"
						: "the next downgrade below it undoes it";
				lines.add("Repaired " + cleared.revision() + ": forgot its part-way " + cleared.direction()
						+ " (statement(s) at line(s) "
						+ String.join(", ", cleared.lines().stream().map(String::valueOf).toList())
						+ " recorded as run); " + again + " from its first statement");
			}
		}
		String who = this.result.databaseUser().isEmpty() ? "" : " as database user " + this.result.databaseUser();
		lines.add(this.result.repairs().size() + " repair(s) recorded in the history table" + who);
		return Lines.of(lines);
	}

}

package dev.migrator.core.report;

import dev.migrator.core.command.MigrationStatus;
import dev.migrator.core.fleet.TargetReading;

import java.util.ArrayList;
import java.util.List;

/**
 * Every target of a fleet against the code ({@code fleet-status}), one line each: its
 * state (up to date, so many pending, ahead of the code, unreadable) and its version rows
 * or why it could not be read; then a summary line.
 *
 * <pre>
 * tenant_a  up to date      r3
 * tenant_b  2 pending       r1
 * tenant_c  unreadable      The schema 'tenant_c' does not exist. ...
 * Fleet: 3 target(s): 1 up to date, 1 behind, 0 ahead, 1 unreadable
 * </pre>
 *
 * @param readings each target's status, in rollout order
 */
public record FleetStatusText(List<TargetReading<MigrationStatus>> readings) implements Report {

	public FleetStatusText {
		readings = List.copyOf(readings);
	}

	@Override
	public String text() {
		if (this.readings.isEmpty()) {
			return Lines.of(List.of("Fleet: no targets"));
		}
		int width = this.readings.stream().mapToInt((r) -> r.target().name().length()).max().orElse(0);
		List<String> lines = new ArrayList<>();
		int upToDate = 0;
		int behind = 0;
		int ahead = 0;
		int unreadable = 0;
		for (TargetReading<MigrationStatus> reading : this.readings) {
			String state;
			String detail;
			if (reading.value().isEmpty()) {
				unreadable++;
				state = "unreadable";
				detail = reading.failure().orElse("");
			}
			else {
				MigrationStatus status = reading.value().get();
				detail = Lines.rows(status.current());
				if (status.isAheadOfCode()) {
					ahead++;
					state = "ahead of code";
				}
				else if (status.pending().isEmpty()) {
					upToDate++;
					state = "up to date";
				}
				else {
					behind++;
					state = status.pending().size() + " pending";
				}
			}
			lines.add(FleetRunText.pad(reading.target().name(), width) + "  "
					+ FleetRunText.pad(state, "ahead of code".length()) + "  " + detail);
		}
		lines.add("Fleet: " + this.readings.size() + " target(s): " + upToDate + " up to date, " + behind + " behind, "
				+ ahead + " ahead, " + unreadable + " unreadable");
		return Lines.of(lines);
	}

}

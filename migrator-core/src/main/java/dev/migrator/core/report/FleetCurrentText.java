package dev.migrator.core.report;

import dev.migrator.core.fleet.TargetReading;

import java.util.List;
import java.util.Set;

/**
 * Every target's version rows ({@code current} on a fleet), one target per line: its
 * name, then its revisions or {@code base}, or why it could not be read.
 *
 * @param readings each target's version rows, in rollout order
 */
public record FleetCurrentText(List<TargetReading<Set<String>>> readings) implements Report {

	public FleetCurrentText {
		readings = List.copyOf(readings);
	}

	@Override
	public String text() {
		return PerTargetLines.of(this.readings, Lines::rows);
	}

}

package dev.migrator.core.report;

import dev.migrator.core.fleet.TargetReading;

import java.util.List;
import java.util.function.Function;

/**
 * One line per fleet target, its name padded to the longest: what it read, or why it
 * could not be read. The fleet's reading reports share this layout.
 */
final class PerTargetLines {

	private PerTargetLines() {
	}

	static <T> String of(List<TargetReading<T>> readings, Function<T, String> value) {
		if (readings.isEmpty()) {
			return Lines.of(List.of("Fleet: no targets"));
		}
		int width = readings.stream().mapToInt((r) -> r.target().name().length()).max().orElse(0);
		return Lines.of(readings.stream()
			.map((r) -> FleetRunText.pad(r.target().name(), width) + "  "
					+ r.value().map(value).orElse("unreadable: " + r.failure().orElse("")))
			.toList());
	}

}

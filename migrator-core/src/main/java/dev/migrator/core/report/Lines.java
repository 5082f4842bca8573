package dev.migrator.core.report;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** The small pieces of text several reports share. */
final class Lines {

	private Lines() {
	}

	/** Lines joined, each ended by a line break. */
	static String of(List<String> lines) {
		StringBuilder text = new StringBuilder();
		lines.forEach((line) -> text.append(line).append('\n'));
		return text.toString();
	}

	/** Version rows sorted and comma-separated, or {@code base} when there are none. */
	static String rows(Set<String> rows) {
		return rows.isEmpty() ? "base" : String.join(", ", new TreeSet<>(rows));
	}

}

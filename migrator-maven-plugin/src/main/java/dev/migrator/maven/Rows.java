package dev.migrator.maven;

import java.util.Set;
import java.util.TreeSet;

/** Version rows as the goals print them. */
final class Rows {

	private Rows() {
	}

	static String describe(Set<String> rows) {
		return rows.isEmpty() ? "base" : String.join(", ", new TreeSet<>(rows));
	}

}

package dev.migrator.core.report;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The revisions the database is at, one id per line, or {@code base} when nothing is
 * applied: what Alembic's {@code current} prints, and easy to read from a script.
 *
 * @param current the version rows
 */
public record CurrentText(Set<String> current) implements Report {

	public CurrentText {
		current = Set.copyOf(current);
	}

	@Override
	public String text() {
		return Lines.of(this.current.isEmpty() ? List.of("base") : List.copyOf(new TreeSet<>(this.current)));
	}

}

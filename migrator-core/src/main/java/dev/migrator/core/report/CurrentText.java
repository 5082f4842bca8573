package dev.migrator.core.report;

import dev.migrator.core.command.AppliedRepeatable;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The revisions the database is at, one id per line, or {@code base} when nothing is
 * applied: what Alembic's {@code current} prints, and easy to read from a script.
 *
 * The repeatable revisions the database has run follow, marked as such, so that the
 * version rows stay the lines before them.
 *
 * @param current the version rows
 * @param repeatables the repeatable revisions run, in the order they run
 */
public record CurrentText(Set<String> current, List<AppliedRepeatable> repeatables) implements Report {

	public CurrentText {
		current = Set.copyOf(current);
		repeatables = List.copyOf(repeatables);
	}

	/** The version rows alone. */
	public CurrentText(Set<String> current) {
		this(current, List.of());
	}

	@Override
	public String text() {
		List<String> lines = new ArrayList<>(
				this.current.isEmpty() ? List.of("base") : List.copyOf(new TreeSet<>(this.current)));
		for (AppliedRepeatable repeatable : this.repeatables) {
			lines.add(repeatable.id() + " (repeatable" + (repeatable.changed() ? ", changed since it ran" : "") + ")");
		}
		return Lines.of(lines);
	}

}

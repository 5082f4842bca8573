package dev.migrator.core.command;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

import dev.migrator.core.script.Planner;
import dev.migrator.core.script.Revision;
import dev.migrator.core.script.RevisionHistory;

/**
 * {@code history}: revisions in topological order, optionally within a range
 * {@code from:to} whose ends are targets; {@code current} reads the database. Without a
 * range, the repeatable revisions follow, in the order they run.
 */
public final class HistoryCommand {

	private final CommandContext context;

	public HistoryCommand(CommandContext context) {
		this.context = context;
	}

	public List<Revision> run(String range) {
		RevisionHistory history = new RevisionHistory(this.context.graph());
		if (Arrays.stream(range.split(":", -1)).map(String::trim).anyMatch("current"::equals)) {
			Set<String> rows = new StatusCommand(this.context).current();
			new Planner(this.context.graph()).applied(rows);
			return history.range(range, rows);
		}
		List<Revision> revisions = history.range(range, Set.of());
		// Repeatable revisions stand outside the graph: the whole history ends with them.
		if (range.isBlank()) {
			List<Revision> all = new java.util.ArrayList<>(revisions);
			all.addAll(this.context.graph().repeatables());
			return List.copyOf(all);
		}
		return revisions;
	}

}

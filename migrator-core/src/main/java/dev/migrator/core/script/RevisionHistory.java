package dev.migrator.core.script;

import dev.migrator.core.error.ErrorCode;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Selects revisions for {@code history}: all of them, or a range {@code from:to} whose
 * ends are targets. Either end may be left out ({@code :to}, {@code from:}); both ends
 * are included.
 */
public final class RevisionHistory {

	private final RevisionGraph graph;

	private final TargetResolver resolver;

	public RevisionHistory(RevisionGraph graph) {
		this.graph = graph;
		this.resolver = new TargetResolver(graph);
	}

	/**
	 * The revisions of the range in topological order, oldest first. {@code current}
	 * means the given rows.
	 */
	public List<Revision> range(String range, Set<String> currentRows) {
		String text = range.trim();
		if (text.isEmpty()) {
			return this.graph.revisions();
		}
		int colon = text.indexOf(':');
		if (colon < 0) {
			throw new RevisionGraphException(ErrorCode.INVALID_RANGE, "History range '" + range
					+ "' has no ':'. Write from:to, :to or from:, e.g. base:head or 0003:current.");
		}
		String from = text.substring(0, colon).trim();
		String to = text.substring(colon + 1).trim();
		Set<String> selected = new HashSet<>();
		for (Revision revision : this.graph.revisions()) {
			selected.add(revision.id());
		}
		Set<String> start = from.isEmpty() ? Set.of() : end(from, currentRows);
		if (!start.isEmpty()) {
			selected.retainAll(this.graph.descendantsOf(start));
		}
		Set<String> finish = to.isEmpty() ? Set.of() : end(to, currentRows);
		if (!to.isEmpty()) {
			selected.retainAll(this.graph.ancestorsOf(finish));
		}
		if (selected.isEmpty() && !start.isEmpty() && !finish.isEmpty()) {
			throw emptyRange(range, from, to, start, finish);
		}
		return this.graph.inOrder(selected);
	}

	/**
	 * Both ends exist, yet nothing lies between them: reversed, or on branches that part
	 * before either end. An empty list would read as "no revisions".
	 */
	private RevisionGraphException emptyRange(String range, String from, String to, Set<String> start,
			Set<String> finish) {
		String starts = String.join(", ", new TreeSet<>(start));
		String finishes = String.join(", ", new TreeSet<>(finish));
		if (this.graph.ancestorsOf(start).containsAll(finish)) {
			return new RevisionGraphException(ErrorCode.INVALID_RANGE, "History range '" + range + "' is reversed: "
					+ starts + " descends from " + finishes + ". Write the older end first: " + to + ":" + from + ".");
		}
		return new RevisionGraphException(ErrorCode.INVALID_RANGE,
				"History range '" + range + "' selects nothing: " + starts + " and " + finishes
						+ " are on different branches, and neither descends from the other. Start the range where "
						+ "the branches part (e.g. base:" + to + "), or list the whole history.");
	}

	private Set<String> end(String target, Set<String> currentRows) {
		return "current".equals(target) ? currentRows : this.resolver.resolve(target, currentRows);
	}

}

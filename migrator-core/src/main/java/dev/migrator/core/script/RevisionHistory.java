package dev.migrator.core.script;

import dev.migrator.core.error.ErrorCode;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

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
		if (!from.isEmpty()) {
			Set<String> start = end(from, currentRows);
			if (!start.isEmpty()) {
				selected.retainAll(this.graph.descendantsOf(start));
			}
		}
		if (!to.isEmpty()) {
			selected.retainAll(this.graph.ancestorsOf(end(to, currentRows)));
		}
		return this.graph.inOrder(selected);
	}

	private Set<String> end(String target, Set<String> currentRows) {
		return "current".equals(target) ? currentRows : this.resolver.resolve(target, currentRows);
	}

}

package dev.migrator.core.authoring;

import dev.migrator.core.script.Revision;
import dev.migrator.core.script.RevisionGraph;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * {@code history --graph}: the revision graph drawn newest first, as
 * {@code git log --graph} does, for a terminal ({@link #text()}) and as a Mermaid
 * flowchart for docs and pull requests ({@link #mermaid()}). Both are deterministic: the
 * same graph always gives the same text, so a drawing can be checked in and diffed.
 */
public final class GraphDrawing {

	private final RevisionGraph graph;

	public GraphDrawing(RevisionGraph graph) {
		this.graph = Objects.requireNonNull(graph, "graph");
	}

	/**
	 * Lines for a terminal: one per revision with {@code *} on its branch's line, and
	 * connector lines where branches fork ({@code ├─╯}) and merge ({@code ├─╮}); each
	 * revision with its message, branch labels, dependencies and whether it is a head,
	 * merge or base.
	 */
	public String text() {
		return new LaneDrawing(this.graph).draw(newestFirst());
	}

	/**
	 * A Mermaid {@code flowchart TD}: newest at the top, an arrow from each revision to
	 * each parent, a dotted arrow to each dependency, heads outlined.
	 */
	public String mermaid() {
		return new MermaidChart(this.graph).draw(newestFirst());
	}

	/**
	 * Children before parents: the graph's order (parents first, ties by id) reversed.
	 */
	private List<Revision> newestFirst() {
		List<Revision> order = new ArrayList<>(this.graph.revisions());
		Collections.reverse(order);
		return order;
	}

	/**
	 * What a revision is besides its id, for both drawings: {@code (head, merge)} and
	 * labels.
	 */
	static String tags(RevisionGraph graph, Revision revision) {
		List<String> kinds = new ArrayList<>();
		if (graph.childrenOf(revision.id()).isEmpty()) {
			kinds.add("head");
		}
		if (revision.isMerge()) {
			kinds.add("merge");
		}
		if (revision.isRoot()) {
			kinds.add("base");
		}
		StringBuilder tags = new StringBuilder();
		if (!revision.branchLabels().isEmpty()) {
			tags.append(" [").append(String.join(", ", revision.branchLabels())).append(']');
		}
		if (!kinds.isEmpty()) {
			tags.append(" (").append(String.join(", ", kinds)).append(')');
		}
		if (!revision.dependsOn().isEmpty()) {
			tags.append(" depends on ").append(String.join(", ", revision.dependsOn()));
		}
		return tags.toString();
	}

}

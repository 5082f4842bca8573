package dev.migrator.core.authoring;

import dev.migrator.core.script.Revision;
import dev.migrator.core.script.RevisionGraph;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The revision graph as a Mermaid flowchart. Nodes are named {@code r0, r1, …} in drawing
 * order rather than by revision id, because an id may hold characters Mermaid reads as
 * syntax; the id is in the node's label.
 */
final class MermaidChart {

	private final RevisionGraph graph;

	MermaidChart(RevisionGraph graph) {
		this.graph = graph;
	}

	String draw(List<Revision> newestFirst) {
		Map<String, String> nodes = new HashMap<>();
		StringBuilder chart = new StringBuilder("flowchart TD\n");
		for (Revision revision : newestFirst) {
			String node = "r" + nodes.size();
			nodes.put(revision.id(), node);
			List<String> lines = new ArrayList<>(List.of(revision.id()));
			if (!revision.message().isEmpty()) {
				lines.add(revision.message());
			}
			String tags = GraphDrawing.tags(this.graph, revision).strip();
			if (!tags.isEmpty()) {
				lines.add(tags);
			}
			String label = lines.stream().map(MermaidChart::escape).collect(Collectors.joining("<br/>"));
			chart.append("    ").append(node).append("[\"").append(label).append("\"]\n");
		}
		for (Revision revision : newestFirst) {
			for (Revision parent : this.graph.parentsOf(revision.id())) {
				chart.append("    ")
					.append(nodes.get(revision.id()))
					.append(" --> ")
					.append(nodes.get(parent.id()))
					.append('\n');
			}
			for (String dependency : revision.dependsOn()) {
				chart.append("    ")
					.append(nodes.get(revision.id()))
					.append(" -. depends on .-> ")
					.append(nodes.get(dependency))
					.append('\n');
			}
		}
		chart.append("    classDef head stroke-width:3px\n");
		for (Revision head : this.graph.heads()) {
			chart.append("    class ").append(nodes.get(head.id())).append(" head\n");
		}
		return chart.toString();
	}

	/** Mermaid's entity codes for what would end the label or be read as markup. */
	private static String escape(String text) {
		return text.replace("#", "#35;").replace("\"", "#quot;").replace("<", "#lt;").replace(">", "#gt;");
	}

}

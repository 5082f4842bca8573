package dev.migrator.core.report;

import dev.migrator.core.authoring.HeadsCheck;
import dev.migrator.core.authoring.HeadsReport;
import dev.migrator.core.script.Revision;
import dev.migrator.core.script.RevisionGraph;

import java.util.ArrayList;
import java.util.List;

/**
 * The heads of the revision graph, one per line with the branch it ends and the file that
 * introduced it, and what to do when there are several:
 *
 * <pre>
 * 0002_orders (head) [billing], add orders  classpath:db/revisions/0002_orders.sql
 * 0002_user_email (head), add user email  classpath:db/revisions/0002_user_email.sql
 * 2 heads: merge them with a merge revision (merge heads), ...
 * </pre>
 *
 * @param graph the revision graph
 */
public record HeadsText(RevisionGraph graph) implements Report {

	@Override
	public String text() {
		HeadsReport report = new HeadsCheck(this.graph).report();
		if (report.heads().isEmpty()) {
			return Lines.of(List.of("No revisions: no head."));
		}
		List<String> lines = new ArrayList<>();
		for (HeadsReport.Head head : report.heads()) {
			lines.add(line(head, this.graph.find(head.id()).map(Revision::message).orElse("")));
		}
		if (report.hasSeveralHeads()) {
			lines.add(report.heads().size() + " heads: merge them with a merge revision (merge heads), so that "
					+ "'head' names one revision again and no branch is left out of a release.");
		}
		return Lines.of(lines);
	}

	/** Whether the graph has more than one head, which a CI check fails on. */
	public boolean hasSeveralHeads() {
		return this.graph.heads().size() > 1;
	}

	private static String line(HeadsReport.Head head, String message) {
		return head.id() + " (head)"
				+ (head.branchLabels().isEmpty() ? "" : " [" + String.join(", ", head.branchLabels()) + "]")
				+ (message.isEmpty() ? "" : ", " + message) + "  " + head.location();
	}

}

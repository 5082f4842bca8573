package dev.migrator.core.authoring;

import dev.migrator.core.error.ErrorCode;

import dev.migrator.core.script.Revision;
import dev.migrator.core.script.RevisionGraph;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * {@code heads --check}: the heads of the revision graph, and a failure when there are
 * several, as a CI check that two branches were not both merged without a merge revision.
 * Callers turn the failure into a non-zero exit.
 */
public final class HeadsCheck {

	private final RevisionGraph graph;

	public HeadsCheck(RevisionGraph graph) {
		this.graph = Objects.requireNonNull(graph, "graph");
	}

	/** The heads with their files and branch labels. */
	public HeadsReport report() {
		List<HeadsReport.Head> heads = new ArrayList<>();
		for (Revision head : this.graph.heads()) {
			heads.add(new HeadsReport.Head(head.id(), labelsOf(head), head.origin().location()));
		}
		return new HeadsReport(heads);
	}

	/**
	 * The report when there is at most one head.
	 * @throws AuthoringException with code {@code multiple-heads} listing them, when
	 * there are several
	 */
	public HeadsReport requireSingleHead() {
		HeadsReport report = report();
		if (report.hasSeveralHeads()) {
			throw new AuthoringException(ErrorCode.MULTIPLE_HEADS, report.describe());
		}
		return report;
	}

	/**
	 * The labels declared by the head and its ancestors through {@code revises} (not
	 * through dependencies), nearest first, so that a head says which branch it ends.
	 */
	private List<String> labelsOf(Revision head) {
		List<String> labels = new ArrayList<>();
		Set<String> seen = new HashSet<>();
		ArrayDeque<Revision> queue = new ArrayDeque<>(List.of(head));
		while (!queue.isEmpty()) {
			Revision revision = queue.poll();
			if (seen.add(revision.id())) {
				labels.addAll(revision.branchLabels());
				queue.addAll(this.graph.parentsOf(revision.id()));
			}
		}
		return labels;
	}

}

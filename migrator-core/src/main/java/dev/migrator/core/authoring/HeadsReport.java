package dev.migrator.core.authoring;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The heads of the revision graph, each with the file or class that introduced it.
 *
 * @param heads the heads, by id
 */
public record HeadsReport(List<Head> heads) {

	public HeadsReport {
		heads = List.copyOf(heads);
	}

	/** Whether the graph has more than one head: what a CI check fails on. */
	public boolean hasSeveralHeads() {
		return this.heads.size() > 1;
	}

	/**
	 * The report for a terminal: one line per head, and what to do when there are
	 * several.
	 */
	public String describe() {
		if (this.heads.isEmpty()) {
			return "No revisions: no head.";
		}
		String lines = this.heads.stream().map(Head::describe).collect(Collectors.joining("\n"));
		if (!hasSeveralHeads()) {
			return "One head:\n" + lines;
		}
		return this.heads.size() + " heads:\n" + lines + "\nMerge them with a merge revision (merge heads), so that "
				+ "'head' names one revision again and no branch is left out of a release.";
	}

	/**
	 * One head.
	 *
	 * @param id its id
	 * @param branchLabels labels of the branch it is on, declared by it or an ancestor on
	 * the same branch
	 * @param location the file or class that introduced it
	 */
	public record Head(String id, List<String> branchLabels, String location) {

		public Head {
			Objects.requireNonNull(id, "id");
			branchLabels = List.copyOf(branchLabels);
			Objects.requireNonNull(location, "location");
		}

		String describe() {
			return "  " + this.id
					+ (this.branchLabels.isEmpty() ? "" : " [" + String.join(", ", this.branchLabels) + "]") + "  "
					+ this.location;
		}

	}

}

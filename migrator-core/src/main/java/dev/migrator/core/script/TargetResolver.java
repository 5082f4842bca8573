package dev.migrator.core.script;

import dev.migrator.core.error.ErrorCode;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Resolves a target expression against the graph and the database's version rows into the
 * set of revisions the schema should end at (empty for base).
 */
public final class TargetResolver {

	private final RevisionGraph graph;

	public TargetResolver(RevisionGraph graph) {
		this.graph = graph;
	}

	/**
	 * The revisions the target names; {@code rows} is the version table's content, used
	 * by relative targets.
	 */
	public Set<String> resolve(String text, Set<String> rows) {
		Target target = Target.parse(text);
		if (target instanceof Target.Head) {
			List<Revision> heads = this.graph.heads();
			if (heads.size() > 1) {
				throw new RevisionGraphException(ErrorCode.MULTIPLE_HEADS, "Target 'head' is ambiguous: there are "
						+ heads.size() + " heads: " + describe(heads)
						+ ". Name one of them, use 'heads' to reach all of them, or merge them with a merge revision.");
			}
			return ids(heads);
		}
		if (target instanceof Target.Heads) {
			return ids(this.graph.heads());
		}
		if (target instanceof Target.Base) {
			return Set.of();
		}
		if (target instanceof Target.LabelHead labelHead) {
			return Set.of(headOfLabel(labelHead.label()));
		}
		if (target instanceof Target.Relative relative) {
			return walkFromCurrent(rows, relative.delta(), text);
		}
		String reference = ((Target.Reference) target).text();
		Optional<Revision> exact = exactOrLabel(reference);
		if (exact.isPresent()) {
			return Set.of(exact.get().id());
		}
		// A unique prefix of the whole text wins over reading its tail as a step: with
		// ids v2-10 and 0001_init,
		// "v2-1" means v2-10, not one step below v2-10.
		List<Revision> prefixed = this.graph.revisions()
			.stream()
			.filter((r) -> r.id().startsWith(reference))
			.limit(2)
			.toList();
		if (prefixed.size() == 1) {
			return Set.of(prefixed.get(0).id());
		}
		Optional<Target.Step> step = Target.splitStep(reference);
		if (step.isPresent()) {
			Revision from = byReference(step.get().reference(), text);
			return walk(from.id(), step.get().delta(), text);
		}
		return Set.of(byReference(reference, text).id());
	}

	private Optional<Revision> exactOrLabel(String reference) {
		Optional<Revision> exact = this.graph.find(reference);
		return exact.isPresent() ? exact : this.graph.findByLabel(reference);
	}

	private Revision byReference(String reference, String target) {
		Optional<Revision> exact = exactOrLabel(reference);
		if (exact.isPresent()) {
			return exact.get();
		}
		List<Revision> matches = this.graph.revisions().stream().filter((r) -> r.id().startsWith(reference)).toList();
		if (matches.size() == 1) {
			return matches.get(0);
		}
		if (matches.isEmpty()) {
			throw new RevisionGraphException(ErrorCode.UNKNOWN_TARGET,
					"Target '" + target + "': no revision id, prefix or branch label '" + reference + "' is known."
							+ this.graph.suggestionsFor(reference));
		}
		throw new RevisionGraphException(ErrorCode.AMBIGUOUS_TARGET,
				"Target '" + target + "': prefix '" + reference + "' matches " + matches.size() + " revisions: "
						+ matches.stream().limit(10).map(Revision::id).collect(Collectors.joining(", "))
						+ ". Write more of the id.");
	}

	private String headOfLabel(String label) {
		Revision start = this.graph.findByLabel(label)
			.orElseThrow(() -> new RevisionGraphException(ErrorCode.UNKNOWN_BRANCH_LABEL,
					"Target '" + label + "@head': branch label '" + label
							+ "' is not declared by any revision. Known labels: " + knownLabels()
							+ ". Use one of them, or declare the label with -- migrator:branch-labels on "
							+ "the revision that starts the branch."));
		Set<String> descendants = this.graph.branchOf(List.of(start.id()));
		List<Revision> heads = this.graph.heads().stream().filter((h) -> descendants.contains(h.id())).toList();
		if (heads.size() != 1) {
			throw new RevisionGraphException(ErrorCode.MULTIPLE_HEADS,
					"Target '" + label + "@head' is ambiguous: branch '" + label + "' has " + heads.size() + " heads: "
							+ describe(heads) + ". Name one of them, or merge them.");
		}
		return heads.get(0).id();
	}

	private Set<String> walkFromCurrent(Set<String> rows, int delta, String target) {
		if (delta == 0) {
			// No step from wherever the database is: it stays there, one head or several.
			return Set.copyOf(rows);
		}
		if (rows.size() > 1) {
			String count = (delta > 0 ? "+" : "-") + Math.abs(delta);
			throw new RevisionGraphException(ErrorCode.AMBIGUOUS_RELATIVE_TARGET,
					"Target '" + target + "' is relative, but the database is at several heads: "
							+ String.join(", ", new java.util.TreeSet<>(rows)) + ". Use "
							+ new java.util.TreeSet<>(rows).stream()
								.map((row) -> row + count)
								.collect(Collectors.joining(" or "))
							+ " to count from one of them.");
		}
		if (rows.isEmpty()) {
			if (delta <= 0) {
				if (delta == 0) {
					return Set.of();
				}
				throw new RevisionGraphException(ErrorCode.RELATIVE_BELOW_BASE,
						"Target '" + target + "' goes below base: nothing is applied. Nothing to downgrade.");
			}
			List<Revision> bases = this.graph.bases();
			if (bases.size() != 1) {
				throw new RevisionGraphException(ErrorCode.AMBIGUOUS_RELATIVE_TARGET,
						"Target '" + target + "' starts from base, but there are " + bases.size() + " bases: "
								+ describe(bases) + ". Use id+N with one of them.");
			}
			// The first step from base reaches the base revision; the walk counts on from
			// there.
			return walk(bases.get(0).id(), delta - 1, target, "base", 1);
		}
		return walk(rows.iterator().next(), delta, target);
	}

	private Set<String> walk(String from, int delta, String target) {
		return walk(from, delta, target, from, 0);
	}

	/**
	 * Walks {@code delta} steps from {@code from}; {@code origin} and {@code stepsBefore}
	 * are where the user's count started and how many of its steps were taken before
	 * {@code from}, so that errors count as the user does.
	 */
	private Set<String> walk(String from, int delta, String target, String origin, int stepsBefore) {
		String current = from;
		for (int step = 0; step < Math.abs(delta); step++) {
			List<Revision> next = (delta > 0) ? this.graph.childrenOf(current) : this.graph.parentsOf(current);
			if (next.isEmpty()) {
				if (delta < 0 && step == Math.abs(delta) - 1) {
					return Set.of();
				}
				int taken = step + stepsBefore;
				throw new RevisionGraphException(ErrorCode.RELATIVE_OUT_OF_RANGE, "Target '" + target + "' goes "
						+ steps(Math.abs(delta) + stepsBefore) + " " + (delta > 0 ? "up" : "down") + " from " + origin
						+ ", but " + current + " has no " + (delta > 0 ? "child" : "parent")
						+ ((taken == 0) ? "." : " after " + steps(taken) + ".")
						+ (delta > 0 ? " Use head or heads to go to the end." : " Use base to undo everything."));
			}
			if (next.size() > 1) {
				throw new RevisionGraphException(ErrorCode.AMBIGUOUS_RELATIVE_TARGET,
						"Target '" + target + "' cannot choose at " + current + ": it "
								+ (delta > 0 ? "branches into " : "merges ") + describe(next)
								+ ". Name the revision to go to instead.");
			}
			current = next.get(0).id();
		}
		return Set.of(current);
	}

	private static String steps(int count) {
		return count + ((count == 1) ? " step" : " steps");
	}

	private String knownLabels() {
		Set<String> labels = new LinkedHashSet<>();
		for (Revision revision : this.graph.revisions()) {
			labels.addAll(revision.branchLabels());
		}
		return labels.isEmpty() ? "none" : String.join(", ", labels);
	}

	private static Set<String> ids(List<Revision> revisions) {
		Set<String> ids = new LinkedHashSet<>();
		for (Revision revision : revisions) {
			ids.add(revision.id());
		}
		return ids;
	}

	private static String describe(List<Revision> revisions) {
		return revisions.stream().map((r) -> r.id() + " (" + r.origin() + ")").collect(Collectors.joining(", "));
	}

}

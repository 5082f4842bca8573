package dev.migrator.core.authoring;

import dev.migrator.core.error.ErrorCode;

import dev.migrator.core.script.Revision;
import dev.migrator.core.script.RevisionGraph;
import dev.migrator.core.script.RevisionGraphException;
import dev.migrator.core.script.TargetResolver;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Chooses the parents of a new revision from what the author named, refusing a choice
 * that is not one.
 */
final class RevisionParents {

	private final RevisionGraph graph;

	RevisionParents(RevisionGraph graph) {
		this.graph = graph;
	}

	/**
	 * The parent of a new revision: the only head when none is named; else the named
	 * revision, the head of the named branch label ({@code label} or {@code label@head}),
	 * or none for {@code base} (a new root).
	 */
	List<String> forNewRevision(Optional<String> head) {
		if (head.isEmpty()) {
			List<Revision> heads = this.graph.heads();
			if (heads.size() > 1) {
				throw new AuthoringException(ErrorCode.MULTIPLE_HEADS,
						"There are " + heads.size() + " heads:\n" + describe(heads)
								+ "\nName the head the new revision follows (--head, -Dmigrator.head: a "
								+ "revision, a branch label or label@head), or merge the heads first.");
			}
			return heads.stream().map(Revision::id).toList();
		}
		String named = head.get().strip();
		if (named.equals("base")) {
			return List.of();
		}
		if (named.equals("heads")) {
			throw new AuthoringException(ErrorCode.INVALID_HEAD,
					"--head heads names every head, but a revision follows "
							+ "one: name one of them, or write a merge revision to join them.");
		}
		String target = (this.graph.findByLabel(named).isPresent() && this.graph.find(named).isEmpty())
				? named + "@head" : named;
		Set<String> resolved = resolve(target, named);
		if (resolved.size() != 1) {
			throw new AuthoringException(ErrorCode.INVALID_HEAD,
					"--head " + named + " names " + resolved.size() + " revisions; name exactly one.");
		}
		return List.copyOf(resolved);
	}

	/**
	 * The parents of a merge revision: the given heads, or every head for {@code heads}.
	 */
	List<String> forMerge(List<String> named) {
		List<String> parents = new ArrayList<>();
		if (named.size() == 1 && named.get(0).strip().equals("heads")) {
			this.graph.heads().forEach((h) -> parents.add(h.id()));
		}
		else {
			Set<String> unique = new LinkedHashSet<>();
			for (String each : named) {
				Set<String> resolved = resolve(each.strip(), each.strip());
				if (resolved.size() != 1) {
					throw new AuthoringException(ErrorCode.INVALID_MERGE, "'" + each + "' names " + resolved.size()
							+ " revisions; name each revision to merge on its own.");
				}
				unique.addAll(resolved);
			}
			parents.addAll(unique);
		}
		if (parents.size() < 2) {
			throw new AuthoringException(ErrorCode.NOTHING_TO_MERGE,
					"A merge joins two or more revisions, but "
							+ (parents.isEmpty() ? "none was" : "only " + parents.get(0) + " was") + " named"
							+ (named.equals(List.of("heads")) ? " (there is one head)" : "") + ". Nothing to merge.");
		}
		for (String parent : parents) {
			for (String other : parents) {
				if (!parent.equals(other) && this.graph.ancestorsOf(List.of(other)).contains(parent)) {
					throw new AuthoringException(ErrorCode.INVALID_MERGE, parent + " is already an ancestor of " + other
							+ ": merging them joins nothing. Merge only revisions on different branches.");
				}
			}
		}
		return parents;
	}

	private Set<String> resolve(String target, String named) {
		try {
			return new TargetResolver(this.graph).resolve(target, Set.of());
		}
		catch (RevisionGraphException ex) {
			throw new AuthoringException(ErrorCode.INVALID_HEAD,
					"'" + named + "' is not a revision, branch label or " + "label@head: " + ex.getMessage(), ex);
		}
	}

	/** One line per revision: id, labels and the file or class that introduced it. */
	static String describe(List<Revision> revisions) {
		return revisions.stream()
			.map((r) -> "  " + r.id()
					+ (r.branchLabels().isEmpty() ? "" : " [" + String.join(", ", r.branchLabels()) + "]") + "  "
					+ r.origin().location())
			.collect(Collectors.joining("\n"));
	}

}

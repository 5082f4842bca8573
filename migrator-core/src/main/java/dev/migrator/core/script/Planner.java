package dev.migrator.core.script;

import dev.migrator.core.error.ErrorCode;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Turns "the database is at these version rows, go to that target" into a {@link Plan}.
 * Pure: the graph and the rows in, the steps out.
 */
public final class Planner {

	private final RevisionGraph graph;

	private final TargetResolver resolver;

	public Planner(RevisionGraph graph) {
		this.graph = graph;
		this.resolver = new TargetResolver(graph);
	}

	/** The revisions the version rows stand for: the rows and all they needed. */
	public Set<String> applied(Set<String> rows) {
		requireKnown(rows);
		return this.graph.ancestorsOf(rows);
	}

	/**
	 * Applies everything the target needs that is not applied yet, parents and
	 * dependencies first.
	 */
	public Plan upgrade(Set<String> rows, String target) {
		if (Target.parse(target) instanceof Target.Relative relative && relative.delta() < 0) {
			throw new RevisionGraphException(ErrorCode.INVALID_TARGET,
					"Target '" + target + "' moves down, which upgrade never does. Use downgrade " + target + ".");
		}
		Set<String> applied = applied(rows);
		Set<String> destinations = this.resolver.resolve(target, rows);
		Set<String> wanted = this.graph.ancestorsOf(destinations);
		List<String> missing = wanted.stream().filter((id) -> !applied.contains(id)).toList();
		return upgradeSteps(rows, this.graph.inOrder(missing));
	}

	/**
	 * The upgrade to the target without the revisions the filter holds back, nor any
	 * revision that needs one of them (as a child or a dependent): those stay pending for
	 * a later, unfiltered upgrade.
	 */
	public PhasedPlan upgrade(Set<String> rows, String target, PhaseFilter filter) {
		Plan full = upgrade(rows, target);
		Set<String> held = new HashSet<>();
		for (Revision revision : full.revisions()) {
			if (filter.holdsBack(revision)) {
				held.add(revision.id());
			}
		}
		if (held.isEmpty()) {
			return new PhasedPlan(full, List.of());
		}
		Set<String> heldAll = this.graph.descendantsOf(held);
		List<Revision> run = full.revisions().stream().filter((r) -> !heldAll.contains(r.id())).toList();
		List<Revision> heldBack = full.revisions().stream().filter((r) -> heldAll.contains(r.id())).toList();
		return new PhasedPlan(upgradeSteps(rows, run), heldBack);
	}

	/**
	 * The steps applying the revisions, given in an order where each comes after all it
	 * needs.
	 */
	private Plan upgradeSteps(Set<String> rows, List<Revision> revisions) {
		Set<String> current = new LinkedHashSet<>(rows);
		List<PlanStep> steps = new ArrayList<>(revisions.size());
		for (Revision revision : revisions) {
			Set<String> delete = new LinkedHashSet<>();
			for (String parent : revision.revises()) {
				if (current.remove(parent)) {
					delete.add(parent);
				}
			}
			current.add(revision.id());
			steps.add(new PlanStep(revision, Direction.UPGRADE, delete, Set.of(revision.id())));
		}
		return new Plan(Direction.UPGRADE, steps, rows, current);
	}

	/**
	 * Undoes the applied revisions that come after the target, children before parents:
	 * its children, transitively, and what depends on one of them. A revision that
	 * depends on the target itself is kept, since the target stays applied.
	 */
	public Plan downgrade(Set<String> rows, String target) {
		Target parsed = Target.parse(target);
		if (parsed instanceof Target.Heads || parsed instanceof Target.Head
				|| (parsed instanceof Target.Relative relative && relative.delta() > 0)) {
			throw new RevisionGraphException(ErrorCode.INVALID_TARGET,
					"Target '" + target + "' moves up, which downgrade never does. Use upgrade " + target + ".");
		}
		Set<String> applied = applied(rows);
		Set<String> destinations = this.resolver.resolve(target, rows);
		List<String> notApplied = destinations.stream().filter((id) -> !applied.contains(id)).toList();
		if (!notApplied.isEmpty()) {
			throw new RevisionGraphException(ErrorCode.TARGET_NOT_APPLIED,
					"Cannot downgrade to " + String.join(", ", notApplied) + ": it is not applied (the database is at "
							+ describeRows(rows)
							+ "). Downgrade moves only to an applied revision; use upgrade to move up.");
		}
		Set<String> undo = new HashSet<>(applied);
		if (!destinations.isEmpty()) {
			// What comes after the target on its own line (children, through merges),
			// then whatever needs one of those. A revision that only depends on the
			// target stays, as in Alembic: the target stays applied, so nothing it
			// needs is taken away.
			Set<String> above = new HashSet<>(this.graph.branchOf(destinations));
			above.removeAll(destinations);
			Set<String> after = new HashSet<>(this.graph.descendantsOf(above));
			after.removeAll(destinations);
			undo.retainAll(after);
		}
		List<Revision> order = new ArrayList<>(this.graph.inOrder(undo));
		java.util.Collections.reverse(order);
		List<Revision> forwardOnly = order.stream().filter((r) -> !r.isReversible()).toList();
		if (!forwardOnly.isEmpty()) {
			throw new RevisionGraphException(ErrorCode.FORWARD_ONLY,
					"Cannot downgrade to " + target + ": "
							+ forwardOnly.stream()
								.map((r) -> r.id() + " (" + r.origin() + ")")
								.collect(Collectors.joining(", "))
							+ (forwardOnly.size() == 1 ? " is" : " are")
							+ " forward-only (no downgrade section). Nothing was run. Choose a target at or above "
							+ forwardOnly.get(forwardOnly.size() - 1).id() + ", or restore from a backup.");
		}
		Set<String> remaining = new HashSet<>(applied);
		Set<String> current = new LinkedHashSet<>(rows);
		List<PlanStep> steps = new ArrayList<>(order.size());
		for (Revision revision : order) {
			remaining.remove(revision.id());
			current.remove(revision.id());
			Set<String> insert = new LinkedHashSet<>();
			for (Revision parent : this.graph.parentsOf(revision.id())) {
				boolean stillCovered = this.graph.childrenOf(parent.id())
					.stream()
					.anyMatch((child) -> remaining.contains(child.id()));
				if (!stillCovered && current.add(parent.id())) {
					insert.add(parent.id());
				}
			}
			steps.add(new PlanStep(revision, Direction.DOWNGRADE, Set.of(revision.id()), insert));
		}
		return new Plan(Direction.DOWNGRADE, steps, rows, current);
	}

	/** The version rows that say exactly the target and all it needs are applied. */
	public Set<String> stamp(Set<String> rows, String target) {
		if (Target.parse(target) instanceof Target.Relative) {
			// A relative target counts from the rows, so they must be revisions this code
			// knows; any other target
			// replaces the rows whatever they are, which is how a database at an unknown
			// revision is repaired.
			requireKnown(rows);
		}
		Set<String> destinations = this.resolver.resolve(target, rows);
		return this.graph.headsOf(this.graph.ancestorsOf(destinations));
	}

	/**
	 * Revisions in the graph not covered by the rows, in the order an upgrade to heads
	 * would run them.
	 */
	public List<Revision> pending(Set<String> rows) {
		return upgrade(rows, "heads").revisions();
	}

	private void requireKnown(Set<String> rows) {
		List<String> unknown = rows.stream().filter((id) -> this.graph.find(id).isEmpty()).toList();
		if (!unknown.isEmpty()) {
			throw new RevisionGraphException(ErrorCode.UNKNOWN_DATABASE_REVISION, "The database is at revision "
					+ String.join(", ", unknown)
					+ ", which this application does not know. Either the database is ahead of this code (run a newer "
					+ "build, or downgrade with the build that has the revision) or the revision's file was removed or "
					+ "renamed (restore it). Nothing was run.");
		}
	}

	private static String describeRows(Set<String> rows) {
		return rows.isEmpty() ? "base" : String.join(", ", new java.util.TreeSet<>(rows));
	}

}

package dev.migrator.core.command;

import dev.migrator.core.error.ErrorCode;
import dev.migrator.core.error.MigratorException;
import dev.migrator.core.runtime.ProgressTable.Mark;
import dev.migrator.core.runtime.ProgressTable.State;
import dev.migrator.core.script.Direction;
import dev.migrator.core.script.Plan;
import dev.migrator.core.script.Revision;
import dev.migrator.core.script.RevisionGraph;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Keeps a plan off a revision that an interrupted run left part-way, whose progress rows
 * say which of its statements completed. Such a revision can only be finished in the
 * direction it was going: a revision applied on top of one partly undone would build on
 * what is no longer there, and undoing a revision beneath one partly applied would undo
 * what its completed statements rely on, while the progress rows, still saying
 * "completed", would make the next run skip them.
 */
final class PartWayCheck {

	private final RevisionGraph graph;

	PartWayCheck(RevisionGraph graph) {
		this.graph = graph;
	}

	/** Fails before anything runs when the plan would build on or undermine one. */
	void verify(Session session, Plan plan) throws SQLException {
		if (plan.isEmpty()) {
			return;
		}
		Map<String, List<Mark>> partWay = new LinkedHashMap<>();
		for (Mark mark : session.progress().all(session.connection())) {
			partWay.computeIfAbsent(mark.revision() + "\u0000" + mark.direction(), (key) -> new ArrayList<>())
				.add(mark);
		}
		for (List<Mark> marks : partWay.values()) {
			Optional<Revision> revision = this.graph.find(marks.get(0).revision());
			if (revision.isEmpty()) {
				continue;
			}
			boolean upgrading = "upgrade".equals(marks.get(0).direction());
			if (upgrading && plan.direction() == Direction.DOWNGRADE) {
				Set<String> beneath = others(this.graph.ancestorsOf(List.of(revision.get().id())), revision.get());
				refuseIfTouched(plan, beneath, revision.get(), marks, true);
			}
			else if (!upgrading && plan.direction() == Direction.UPGRADE) {
				Set<String> above = others(this.graph.descendantsOf(List.of(revision.get().id())), revision.get());
				refuseIfTouched(plan, above, revision.get(), marks, false);
			}
		}
	}

	private static Set<String> others(Set<String> ids, Revision revision) {
		Set<String> others = new LinkedHashSet<>(ids);
		others.remove(revision.id());
		return others;
	}

	private static void refuseIfTouched(Plan plan, Set<String> related, Revision revision, List<Mark> marks,
			boolean upgrading) {
		List<String> touched = plan.revisions().stream().map(Revision::id).filter(related::contains).toList();
		if (touched.isEmpty()) {
			return;
		}
		String lines = ((marks.size() == 1) ? "statement at line " : "statements at lines ") + marks.stream()
			.map((mark) -> mark.line() + (mark.state() == State.DONE ? "" : " (outcome unknown)"))
			.collect(Collectors.joining(", "));
		String parents = revision.revises().isEmpty() ? "base" : String.join(", ", revision.revises());
		String which = String.join(", ", touched);
		String message;
		if (upgrading) {
			message = "Revision " + revision.id() + " (" + revision.origin() + ") is partly applied: a run upgrading "
					+ "it was interrupted after its " + lines + " ran. Downgrading " + which
					+ " would undo what those statements were built on, and the next upgrade would skip them as "
					+ "done. Finish the upgrade of " + revision.id() + " first (upgrade to " + revision.id()
					+ "), then downgrade. Nothing was run.";
		}
		else {
			message = "Revision " + revision.id() + " (" + revision.origin() + ") is partly undone: a run "
					+ "downgrading it was interrupted after its " + lines + " ran. Upgrading " + which
					+ " would build on what is no longer there. Finish the downgrade of " + revision.id()
					+ " first (downgrade to " + parents + "), then upgrade. Nothing was run.";
		}
		throw new MigratorException(ErrorCode.PART_WAY_REVISION, message);
	}

}

package dev.migrator.core.command;

import dev.migrator.core.script.Direction;
import dev.migrator.core.script.Plan;
import dev.migrator.core.script.PlanStep;
import dev.migrator.core.script.Revision;
import dev.migrator.core.script.RevisionGraph;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The repeatable revisions of an upgrade: those never applied, or whose checksum differs
 * from the one their latest run recorded, run after the other revisions when the run
 * leaves the database at the heads, in {@code depends-on} order. They leave the version
 * rows alone: their history rows are their record.
 */
final class RepeatableRevisions {

	private final RevisionGraph graph;

	RepeatableRevisions(RevisionGraph graph) {
		this.graph = graph;
	}

	/** The repeatable revisions to apply, in order. */
	List<Revision> changed(Session session) throws SQLException {
		if (this.graph.repeatables().isEmpty()) {
			return List.of();
		}
		Map<String, String> recorded = session.history().appliedChecksums(session.connection());
		return this.graph.repeatables()
			.stream()
			.filter((revision) -> !revision.checksum().equals(recorded.get(revision.id())))
			.toList();
	}

	/**
	 * Applies the changed ones after the upgrade's result when it reached the heads.
	 */
	RunResult applyAfter(Session session, RunResult result, PlanExecution execution) throws SQLException {
		if (result.isWaitingForBackfill() || !atHeads(result.after())) {
			return result;
		}
		List<Revision> changed = changed(session);
		if (changed.isEmpty()) {
			return result;
		}
		List<PlanStep> steps = changed.stream()
			.map((revision) -> new PlanStep(revision, Direction.UPGRADE, Set.of(), Set.of()))
			.toList();
		RunResult repeated = execution.run(session, new Plan(Direction.UPGRADE, steps, result.after(), result.after()));
		List<dev.migrator.core.runtime.StepResult> all = new ArrayList<>(result.steps());
		all.addAll(repeated.steps());
		return new RunResult(result.direction(), all, result.before(), result.after(), result.heldBack(),
				result.waitingFor());
	}

	private boolean atHeads(Set<String> rows) {
		return rows.equals(this.graph.heads().stream().map(Revision::id).collect(Collectors.toSet()));
	}

}

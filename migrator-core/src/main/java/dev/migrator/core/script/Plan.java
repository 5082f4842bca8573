package dev.migrator.core.script;

import java.util.List;
import java.util.Set;

/**
 * The ordered steps that move the schema from one set of version rows to another.
 *
 * @param direction upgrade or downgrade
 * @param steps the steps in the order they run
 * @param rowsBefore the version rows the plan starts from
 * @param rowsAfter the version rows after every step ran
 */
public record Plan(Direction direction, List<PlanStep> steps, Set<String> rowsBefore, Set<String> rowsAfter) {

	public Plan {
		steps = List.copyOf(steps);
		rowsBefore = Set.copyOf(rowsBefore);
		rowsAfter = Set.copyOf(rowsAfter);
	}

	public boolean isEmpty() {
		return this.steps.isEmpty();
	}

	public List<Revision> revisions() {
		return this.steps.stream().map(PlanStep::revision).toList();
	}

}

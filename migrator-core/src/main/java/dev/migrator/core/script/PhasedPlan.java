package dev.migrator.core.script;

import java.util.List;
import java.util.Objects;

/**
 * An upgrade plan after a {@link PhaseFilter}: the steps that may run, and the revisions
 * the target needs that were held back.
 *
 * @param plan the steps that run
 * @param heldBack the revisions held back, in upgrade order: contract revisions and those
 * that need them
 */
public record PhasedPlan(Plan plan, List<Revision> heldBack) {

	public PhasedPlan {
		Objects.requireNonNull(plan, "plan");
		heldBack = List.copyOf(heldBack);
	}

}

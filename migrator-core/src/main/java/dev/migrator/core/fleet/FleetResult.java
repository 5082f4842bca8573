package dev.migrator.core.fleet;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A fleet run as the run table holds it when this process finished its part: every
 * target's state, including those other processes ran.
 *
 * @param runKey what identifies the run (the command and where it goes)
 * @param targets every target of the run, in rollout order
 * @param maxFailures the error budget the run had
 */
public record FleetResult(String runKey, List<TargetResult> targets, int maxFailures) {

	public FleetResult {
		targets = List.copyOf(targets);
	}

	/** Whether every target succeeded. */
	public boolean succeeded() {
		return this.targets.stream().allMatch((t) -> t.state() == TargetState.SUCCEEDED);
	}

	public List<TargetResult> failures() {
		return this.targets.stream().filter((t) -> t.state() == TargetState.FAILED).toList();
	}

	/** Whether more targets failed than the budget allows, which stopped the run. */
	public boolean budgetExceeded() {
		return failures().size() > this.maxFailures;
	}

	public Map<TargetState, Integer> countsByState() {
		Map<TargetState, Integer> counts = new EnumMap<>(TargetState.class);
		for (TargetState state : TargetState.values()) {
			counts.put(state, 0);
		}
		this.targets.forEach((t) -> counts.merge(t.state(), 1, Integer::sum));
		return counts;
	}

}

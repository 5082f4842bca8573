package dev.migrator.core.authoring;

import dev.migrator.core.op.Operation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A drafted revision: the steps that make the live schema the desired one, in upgrade
 * order. The downgrade runs the steps' downgrades in reverse order.
 *
 * @param steps the steps
 */
public record Draft(List<DraftStep> steps) {

	public Draft {
		steps = List.copyOf(steps);
	}

	/**
	 * Whether there is nothing to do: the live schema is the desired one (warnings may
	 * remain).
	 */
	public boolean isEmpty() {
		return upgradeOperations().isEmpty();
	}

	/** Every warning, in step order. */
	public List<String> warnings() {
		return this.steps.stream().flatMap((s) -> s.warnings().stream()).toList();
	}

	public List<Operation> upgradeOperations() {
		return this.steps.stream().flatMap((s) -> s.upgrade().stream()).toList();
	}

	public List<Operation> downgradeOperations() {
		List<DraftStep> reversed = new ArrayList<>(this.steps);
		Collections.reverse(reversed);
		return reversed.stream().flatMap((s) -> s.downgrade().stream()).toList();
	}

}

package dev.migrator.core.authoring;

import dev.migrator.core.op.Operation;

import java.util.ArrayList;
import java.util.List;

/**
 * One change of a draft: what the upgrade runs, what the downgrade runs to undo it, and
 * what a person should know before applying it.
 *
 * @param warnings comments written above the step, such as a possible rename or a change
 * that cannot be undone
 * @param upgrade the operations the upgrade runs, in order
 * @param downgrade the operations that undo them, in the order they run
 */
public record DraftStep(List<String> warnings, List<Operation> upgrade, List<Operation> downgrade) {

	public DraftStep {
		warnings = List.copyOf(warnings);
		upgrade = List.copyOf(upgrade);
		downgrade = List.copyOf(downgrade);
	}

	static DraftStep of(Operation upgrade, Operation downgrade) {
		return new DraftStep(List.of(), List.of(upgrade), List.of(downgrade));
	}

	static DraftStep warning(String warning) {
		return new DraftStep(List.of(warning), List.of(), List.of());
	}

	DraftStep withWarning(String warning) {
		List<String> all = new ArrayList<>(this.warnings);
		all.add(warning);
		return new DraftStep(all, this.upgrade, this.downgrade);
	}

}

package dev.migrator.core.command;

import dev.migrator.core.backfill.BackfillStatus;
import dev.migrator.core.runtime.StepResult;
import dev.migrator.core.script.Direction;

import java.util.List;
import java.util.Set;

/**
 * What an upgrade or downgrade did.
 *
 * @param direction which way it went
 * @param steps each step's outcome, in order
 * @param before the version rows before
 * @param after the version rows after
 * @param heldBack revisions the target needs that a phase filter held back, in upgrade
 * order
 * @param waitingFor the unfinished backfills an upgrade stopped for: a revision that
 * descends from the revision declaring one is not applied before it is done, so the
 * target was not reached
 */
public record RunResult(Direction direction, List<StepResult> steps, Set<String> before, Set<String> after,
		List<String> heldBack, List<BackfillStatus> waitingFor) {

	public RunResult {
		steps = List.copyOf(steps);
		before = Set.copyOf(before);
		after = Set.copyOf(after);
		heldBack = List.copyOf(heldBack);
		waitingFor = List.copyOf(waitingFor);
	}

	/** A result that waits for no backfill. */
	public RunResult(Direction direction, List<StepResult> steps, Set<String> before, Set<String> after,
			List<String> heldBack) {
		this(direction, steps, before, after, heldBack, List.of());
	}

	/** A result with nothing held back. */
	public RunResult(Direction direction, List<StepResult> steps, Set<String> before, Set<String> after) {
		this(direction, steps, before, after, List.of());
	}

	/** Whether the upgrade stopped short of its target to wait for a backfill. */
	public boolean isWaitingForBackfill() {
		return !this.waitingFor.isEmpty();
	}

	/** Whether there was nothing to do. */
	public boolean isNoOp() {
		return this.steps.isEmpty();
	}

}

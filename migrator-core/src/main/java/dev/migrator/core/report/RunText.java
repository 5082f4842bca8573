package dev.migrator.core.report;

import dev.migrator.core.backfill.BackfillStatus;
import dev.migrator.core.command.RunResult;
import dev.migrator.core.runtime.StepResult;
import dev.migrator.core.script.Direction;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * What an upgrade or downgrade did:
 * {@code Upgraded 2 revision(s) in 24 ms: base -> 0002_add_email}, or
 * {@code Nothing to do: the database is at 0002_add_email}, and the revisions a phase
 * filter held back, and the backfills an upgrade stopped for.
 *
 * @param result the run's result
 */
public record RunText(RunResult result) implements Report {

	@Override
	public String text() {
		List<String> lines = new ArrayList<>();
		if (this.result.isNoOp()) {
			lines.add("Nothing to do: the database is at " + Lines.rows(this.result.after()));
		}
		else {
			Duration total = this.result.steps()
				.stream()
				.map(StepResult::duration)
				.reduce(Duration.ZERO, Duration::plus);
			String verb = (this.result.direction() == Direction.UPGRADE) ? "Upgraded" : "Downgraded";
			lines.add(verb + " " + this.result.steps().size() + " revision(s) in " + total.toMillis() + " ms: "
					+ Lines.rows(this.result.before()) + " -> " + Lines.rows(this.result.after()));
		}
		if (!this.result.heldBack().isEmpty()) {
			lines.add("Held back for the contract phase: " + String.join(", ", this.result.heldBack()));
		}
		for (BackfillStatus waiting : this.result.waitingFor()) {
			lines.add("Waiting for backfill " + waiting.name() + " (" + waiting.state().label() + ", declared by "
					+ waiting.revision() + "): the revisions after it need its data. Target not reached.");
		}
		return Lines.of(lines);
	}

}

package dev.migrator.core.fleet;

import dev.migrator.core.error.ErrorCode;
import dev.migrator.core.error.MigratorException;

import java.util.stream.Collectors;

/**
 * A fleet run that did not take every target where it was to go (code
 * {@code fleet-failed}): it names the failed targets and why, and says whether the error
 * budget stopped the run.
 */
public class FleetFailedException extends MigratorException {

	private static final int NAMED = 20;

	private final transient FleetResult result;

	public FleetFailedException(FleetResult result) {
		super(ErrorCode.FLEET_FAILED, message(result));
		this.result = result;
	}

	public FleetResult result() {
		return this.result;
	}

	private static String message(FleetResult result) {
		var counts = result.countsByState();
		StringBuilder message = new StringBuilder();
		message.append(result.failures().size())
			.append(" of ")
			.append(result.targets().size())
			.append(" targets failed");
		if (result.budgetExceeded()) {
			message.append(", more than the error budget (migrator.fleet.max-failures) of ")
				.append(result.maxFailures())
				.append(", so no new target started");
		}
		message.append("; ")
			.append(counts.get(TargetState.SUCCEEDED))
			.append(" succeeded, ")
			.append(counts.get(TargetState.PENDING))
			.append(" not started");
		if (counts.get(TargetState.RUNNING) > 0) {
			message.append(", ").append(counts.get(TargetState.RUNNING)).append(" still running in other processes");
		}
		message.append(". ");
		message.append(result.failures()
			.stream()
			.limit(NAMED)
			.map((t) -> t.target().name() + ": " + t.detail().orElse("failed"))
			.collect(Collectors.joining("; ")));
		if (result.failures().size() > NAMED) {
			message.append("; and ").append(result.failures().size() - NAMED).append(" more (fleet-status lists them)");
		}
		if (result.failures().isEmpty()) {
			message.append("No target failed, but not every target is done: the ones still running belong to other "
					+ "processes of this run (fleet-status shows where each target stands).");
		}
		return message.toString();
	}

}

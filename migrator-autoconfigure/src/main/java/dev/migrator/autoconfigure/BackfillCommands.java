package dev.migrator.autoconfigure;

import dev.migrator.core.command.Backfills;
import dev.migrator.core.backfill.BackfillStatus;
import dev.migrator.core.report.BackfillTable;

import java.util.List;
import java.util.Optional;

/**
 * The backfill commands of the migration job: each calls the engine's command of the same
 * name and returns the backfills it concerns as a {@link BackfillTable table} to print.
 * The engine logs a running backfill's progress.
 */
final class BackfillCommands {

	private final Backfills backfills;

	BackfillCommands(Backfills backfills) {
		this.backfills = backfills;
	}

	/**
	 * Runs the command.
	 * @param command a backfill command
	 * @param name the backfill of {@code migrator.job.backfill}; the job checked at
	 * startup that the commands which need one have it
	 */
	BackfillTable run(JobCommand command, Optional<String> name) {
		return new BackfillTable(statuses(command, name));
	}

	private List<BackfillStatus> statuses(JobCommand command, Optional<String> name) {
		return switch (command) {
			case BACKFILL ->
				name.map((backfill) -> List.of(this.backfills.run(backfill))).orElseGet(this.backfills::runPending);
			case BACKFILL_PAUSE -> List.of(this.backfills.pause(name.orElseThrow()));
			case BACKFILL_RESUME -> List.of(this.backfills.resume(name.orElseThrow()));
			case BACKFILL_CANCEL -> List.of(this.backfills.cancel(name.orElseThrow()));
			case BACKFILL_STATUS ->
				name.map((backfill) -> List.of(this.backfills.status(backfill))).orElseGet(this.backfills::status);
			default -> throw new IllegalArgumentException(command.label() + " is not a backfill command");
		};
	}

}

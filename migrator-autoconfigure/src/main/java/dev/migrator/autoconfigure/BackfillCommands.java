package dev.migrator.autoconfigure;

import dev.migrator.core.command.Backfills;
import dev.migrator.core.backfill.BackfillStatus;

import java.io.PrintStream;
import java.util.List;
import java.util.Optional;

/**
 * The backfill commands of the migration job: each calls the engine's command of the same
 * name and prints the backfills it concerns as a {@link BackfillStatusTable table}. The
 * engine logs a running backfill's progress.
 */
final class BackfillCommands {

	private final Backfills backfills;

	private final BackfillStatusTable table;

	BackfillCommands(Backfills backfills, PrintStream out) {
		this.backfills = backfills;
		this.table = new BackfillStatusTable(out);
	}

	/**
	 * Runs the command.
	 * @param command a backfill command
	 * @param name the backfill of {@code migrator.job.backfill}; the job checked at
	 * startup that the commands which need one have it
	 */
	void run(JobCommand command, Optional<String> name) {
		this.table.print(statuses(command, name));
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

package dev.migrator.autoconfigure;

import dev.migrator.core.backfill.BackfillStatus;
import dev.migrator.core.command.Fleet;
import dev.migrator.core.command.MigrationStatus;
import dev.migrator.core.error.ErrorCode;
import dev.migrator.core.error.MigratorException;
import dev.migrator.core.fleet.FleetFailedException;
import dev.migrator.core.fleet.TargetReading;
import dev.migrator.core.lint.LintFailedException;
import dev.migrator.core.lint.LintReport;
import dev.migrator.core.report.FleetBackfillText;
import dev.migrator.core.report.FleetCurrentText;
import dev.migrator.core.report.FleetRunText;
import dev.migrator.core.report.FleetStatusText;
import dev.migrator.core.report.Report;
import dev.migrator.core.script.PhaseFilter;

import java.io.PrintStream;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The job's commands on every target of a fleet: prints the per-target report, then fails
 * as the job's exit codes say (a failed rollout 1, a target behind the code on
 * {@code check} 2, a target that could not be read 1).
 */
final class FleetCommands {

	private static final int NAMED = 20;

	private final Fleet fleet;

	private final PrintStream out;

	FleetCommands(Fleet fleet, PrintStream out) {
		this.fleet = fleet;
		this.out = out;
	}

	void run(JobCommand command, String target, PhaseFilter phase, Optional<Supplier<LintReport>> lint,
			Optional<String> backfill) {
		switch (command) {
			case UPGRADE -> write(() -> this.fleet.upgrade(target, phase));
			case DOWNGRADE -> write(() -> this.fleet.downgrade(target));
			case STAMP -> write(() -> this.fleet.stamp(target));
			case BACKFILL -> write(() -> this.fleet.backfill(backfill));
			case BACKFILL_STATUS -> {
				List<TargetReading<List<BackfillStatus>>> readings = this.fleet.backfillStatus(backfill);
				print(new FleetBackfillText(readings));
				failOnUnreadable(readings);
			}
			case CURRENT -> {
				List<TargetReading<Set<String>>> readings = this.fleet.current();
				print(new FleetCurrentText(readings));
				failOnUnreadable(readings);
			}
			case FLEET_STATUS -> {
				List<TargetReading<MigrationStatus>> readings = this.fleet.status();
				print(new FleetStatusText(readings));
				failOnUnreadable(readings);
			}
			case CHECK -> check(lint);
			default -> throw new IllegalArgumentException(command.label() + " does not run per target");
		}
	}

	private void write(Supplier<dev.migrator.core.fleet.FleetResult> run) {
		try {
			print(new FleetRunText(run.get()));
		}
		catch (FleetFailedException ex) {
			print(new FleetRunText(ex.result()));
			throw ex;
		}
	}

	private void check(Optional<Supplier<LintReport>> lint) {
		// Lint first, once: every tenant runs the same revision files.
		Optional<LintReport> report = lint.map(Supplier::get);
		List<TargetReading<MigrationStatus>> readings = this.fleet.status();
		print(new FleetStatusText(readings));
		failOnUnreadable(readings);
		List<String> behind = readings.stream()
			.filter((r) -> r.value().map((s) -> !s.isUpToDate()).orElse(false))
			.map((r) -> r.target().name())
			.toList();
		if (!behind.isEmpty()) {
			throw new MigratorJobRunner.FleetCheckFailed(behind.size() + " of " + readings.size()
					+ " targets are not up to date (pending, ahead or edited revisions): " + names(behind)
					+ ". Run upgrade on the fleet.");
		}
		report.filter(LintReport::hasFindings).ifPresent((r) -> {
			throw new LintFailedException(r);
		});
	}

	private static <T> void failOnUnreadable(List<TargetReading<T>> readings) {
		List<String> unreadable = readings.stream()
			.filter((r) -> r.failure().isPresent())
			.map((r) -> r.target().name() + ": " + r.failure().get())
			.toList();
		if (!unreadable.isEmpty()) {
			throw new MigratorException(ErrorCode.FLEET_FAILED,
					unreadable.size() + " of " + readings.size() + " targets could not be read: " + names(unreadable));
		}
	}

	private static String names(List<String> items) {
		String named = items.stream().limit(NAMED).collect(Collectors.joining("; "));
		return (items.size() > NAMED) ? named + "; and " + (items.size() - NAMED) + " more" : named;
	}

	private void print(Report report) {
		this.out.print(report.text());
	}

}

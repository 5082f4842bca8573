package dev.migrator.autoconfigure;

import dev.migrator.core.error.ErrorCode;

import dev.migrator.core.authoring.SchemaDrift;
import dev.migrator.core.command.AppliedRevision;
import dev.migrator.core.command.BaselineRequest;
import dev.migrator.core.command.CheckFailedException;
import dev.migrator.core.command.DriftResult;
import dev.migrator.core.command.FlywayImportRequest;
import dev.migrator.core.Migrator;
import dev.migrator.core.error.MigratorException;
import dev.migrator.core.command.Resolution;
import dev.migrator.core.command.RunResult;
import dev.migrator.core.command.SchemaDriftException;
import dev.migrator.core.lint.LintFailedException;
import dev.migrator.core.lint.LintReport;
import dev.migrator.core.report.BaselineText;
import dev.migrator.core.report.CurrentText;
import dev.migrator.core.report.DriftText;
import dev.migrator.core.report.ImportText;
import dev.migrator.core.report.HeadsText;
import dev.migrator.core.report.HistoryText;
import dev.migrator.core.report.RepairText;
import dev.migrator.core.report.Report;
import dev.migrator.core.report.RunText;
import dev.migrator.core.report.UpToDateText;
import dev.migrator.core.runtime.MigrationFailedException;
import dev.migrator.core.script.PhaseFilter;
import dev.migrator.core.script.Target;
import dev.migrator.core.sql.DatabaseMessageRedaction;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;

// Over 300 lines: one switch over every job command and the mapping of outcomes to exit codes; each case is a line or two.
/**
 * The migration job: runs the one command of {@code migrator.job.command} and keeps its
 * outcome as the exit code, so that a Kubernetes Job, an init container or a CI step sees
 * it. Results go to the given stream (standard output), so that {@code sql} can be
 * redirected to a file; progress and errors go to the log.
 *
 * <p>
 * Exit codes: {@value #SUCCESS} the command succeeded; {@value #FAILURE} it failed (a
 * revision failed, the database could not be reached, a revision file is invalid);
 * {@value #CHECK_FAILED} {@code check} found pending or edited revisions, or {@code lint}
 * (and {@code check}, unless {@code migrator.job.check-lint} is off) found unsafe
 * statements in the revisions, or {@code drift} found the schema different from what its
 * revisions produce; {@value #WAITING_FOR_BACKFILL} {@code upgrade} stopped short of its
 * target, before a revision that descends from one whose backfill is not done.
 */
public class MigratorJobRunner implements ApplicationRunner, ExitCodeGenerator {

	/** The command succeeded. */
	public static final int SUCCESS = 0;

	/** The command failed. */
	public static final int FAILURE = 1;

	/**
	 * {@code check} found the database behind the code, or an applied revision edited.
	 */
	public static final int CHECK_FAILED = 2;

	/**
	 * {@code lint}, or {@code check}, found unsafe statements in the revisions: the code
	 * {@code check} exits with.
	 */
	public static final int LINT_FAILED = CHECK_FAILED;

	/**
	 * {@code drift} found the live schema different from what its applied revisions
	 * produce: the code {@code check} exits with.
	 */
	public static final int DRIFT_FOUND = CHECK_FAILED;

	/**
	 * {@code upgrade} did not reach its target: it waits for a backfill (run with
	 * {@code migrator.backfill.run-on-upgrade=false}, or paused, failed or cancelled).
	 */
	public static final int WAITING_FOR_BACKFILL = 3;

	private static final Log logger = LogFactory.getLog(MigratorJobRunner.class);

	private final Migrator migrator;

	private final MigratorProperties.Job job;

	private final MigratorProperties.Import importSettings;

	private final MigratorProperties.Repair repairSettings;

	private final MigratorProperties.Baseline baselineSettings;

	private final LatestDrift latestDrift;

	private final PrintStream out;

	private volatile int exitCode = SUCCESS;

	/**
	 * Checks the job settings at once, so that a wrong target fails startup with failure
	 * analysis.
	 * @param migrator the engine
	 * @param job the job settings
	 * @param out where command results are printed
	 */
	public MigratorJobRunner(Migrator migrator, MigratorProperties.Job job, PrintStream out) {
		this(migrator, job, new MigratorProperties.Import(), out);
	}

	/**
	 * Checks the job settings at once, so that a wrong target fails startup with failure
	 * analysis.
	 * @param migrator the engine
	 * @param job the job settings
	 * @param importSettings what the import command reads and writes
	 * @param out where command results are printed
	 */
	public MigratorJobRunner(Migrator migrator, MigratorProperties.Job job, MigratorProperties.Import importSettings,
			PrintStream out) {
		this(migrator, job, importSettings, new MigratorProperties.Repair(), out);
	}

	/**
	 * Checks the job settings at once, so that a wrong target fails startup with failure
	 * analysis.
	 * @param migrator the engine
	 * @param job the job settings
	 * @param importSettings what the import command reads and writes
	 * @param repairSettings what the repair command repairs
	 * @param out where command results are printed
	 */
	public MigratorJobRunner(Migrator migrator, MigratorProperties.Job job, MigratorProperties.Import importSettings,
			MigratorProperties.Repair repairSettings, PrintStream out) {
		this(migrator, job, importSettings, repairSettings, new MigratorProperties.Baseline(), new LatestDrift(), out);
	}

	/**
	 * Checks the job settings at once, so that a wrong target fails startup with failure
	 * analysis.
	 * @param migrator the engine
	 * @param job the job settings
	 * @param importSettings what the import command reads and writes
	 * @param repairSettings what the repair command repairs
	 * @param baselineSettings where the baseline command writes
	 * @param latestDrift where the drift command leaves what it found, for the gauge
	 * @param out where command results are printed
	 */
	public MigratorJobRunner(Migrator migrator, MigratorProperties.Job job, MigratorProperties.Import importSettings,
			MigratorProperties.Repair repairSettings, MigratorProperties.Baseline baselineSettings,
			LatestDrift latestDrift, PrintStream out) {
		this.migrator = migrator;
		this.job = job;
		this.importSettings = importSettings;
		this.repairSettings = repairSettings;
		this.baselineSettings = baselineSettings;
		this.latestDrift = latestDrift;
		this.out = out;
		validate(job);
		validateRepair(job, repairSettings);
		validateFleet(job, migrator.fleet().configured());
		if (job.getCommand() == JobCommand.IMPORT) {
			validateImport(importSettings);
		}
		if (job.getCommand() == JobCommand.BASELINE) {
			validateBaseline(baselineSettings);
		}
	}

	private static void validateBaseline(MigratorProperties.Baseline settings) {
		if (settings.getOutput() == null || settings.getOutput().isBlank()) {
			throw new MigratorException(ErrorCode.INVALID_CONFIGURATION, "migrator.job.command is baseline but "
					+ "migrator.baseline.output is empty. Set it to the folder the baseline revision goes to (for "
					+ "example src/main/resources/db/revisions), then add that folder to migrator.locations.");
		}
		if (settings.getRevision() == null || settings.getRevision().isBlank()) {
			throw new MigratorException(ErrorCode.INVALID_CONFIGURATION, "migrator.baseline.revision is empty. Remove "
					+ "it for the id baseline, or set the id the baseline revision should have.");
		}
	}

	private static void validateImport(MigratorProperties.Import settings) {
		if (!"flyway".equalsIgnoreCase(nullToEmpty(settings.getFrom()).trim())) {
			throw new MigratorException(ErrorCode.INVALID_CONFIGURATION, "migrator.import.from is '"
					+ settings.getFrom() + "', and the import reads only Flyway projects. Set it to flyway.");
		}
		if (settings.getOutput() == null || settings.getOutput().isBlank()) {
			throw new MigratorException(ErrorCode.INVALID_CONFIGURATION, "migrator.job.command is import but "
					+ "migrator.import.output is empty. Set it to the folder the revision files go to (for example "
					+ "src/main/resources/db/revisions), then add that folder to migrator.locations.");
		}
		if (settings.getLocations().isEmpty()) {
			throw new MigratorException(ErrorCode.INVALID_CONFIGURATION,
					"migrator.job.command is import but "
							+ "migrator.import.locations is empty. Set it to the Flyway migration folders "
							+ "(spring.flyway.locations), such as classpath:db/migration.");
		}
	}

	private static void validate(MigratorProperties.Job job) {
		if (job.getCommand() == null) {
			throw new MigratorException(ErrorCode.INVALID_CONFIGURATION,
					"migrator.job.command is empty. Set it to one of " + Arrays.stream(JobCommand.values())
						.map(JobCommand::label)
						.collect(Collectors.joining(", ")) + ".");
		}
		validateBackfill(job);
		validateResolve(job);
		Target.parse(nullToEmpty(job.getTarget()));
		if (job.getCommand() == JobCommand.SQL) {
			Target.parse(nullToEmpty(job.getFrom()));
		}
		if (job.getPhase() != null && job.getPhase() != PhaseFilter.ALL && job.getCommand() != JobCommand.UPGRADE) {
			throw new MigratorException(ErrorCode.INVALID_CONFIGURATION, "migrator.job.phase is "
					+ job.getPhase().label() + ", which only the upgrade command uses, but migrator.job.command is "
					+ label(job.getCommand()) + ". Remove migrator.job.phase, or set migrator.job.command to upgrade.");
		}
		if (job.getCommand() == JobCommand.DOWNGRADE && isHeads(job.getTarget())) {
			// Downgrading "to heads" does nothing: the target was forgotten, not meant.
			throw new MigratorException(ErrorCode.INVALID_CONFIGURATION, "migrator.job.command is downgrade but "
					+ "migrator.job.target is '" + job.getTarget() + "', which would undo nothing. Set "
					+ "migrator.job.target to where the database should go, such as -1, a revision id, or base.");
		}
	}

	private static void validateRepair(MigratorProperties.Job job, MigratorProperties.Repair settings) {
		List<String> revisions = repairRevisions(settings);
		if (!revisions.isEmpty() && job.getCommand() != JobCommand.REPAIR) {
			throw new MigratorException(ErrorCode.INVALID_CONFIGURATION,
					"migrator.repair.revisions is " + String.join(", ", revisions)
							+ ", which only the repair command uses, but migrator.job.command is "
							+ label(job.getCommand())
							+ ". Remove migrator.repair.revisions, or set migrator.job.command to " + "repair.");
		}
	}

	private static List<String> repairRevisions(MigratorProperties.Repair settings) {
		return settings.getRevisions().stream().map(String::trim).filter((id) -> !id.isEmpty()).toList();
	}

	private static void validateFleet(MigratorProperties.Job job, boolean fleet) {
		JobCommand command = job.getCommand();
		if (command == JobCommand.FLEET_STATUS && !fleet) {
			throw new MigratorException(ErrorCode.INVALID_CONFIGURATION, "migrator.job.command is fleet-status but no "
					+ "fleet is configured. Set migrator.fleet.schemas or migrator.fleet.databases (or provide a "
					+ "FleetTargets bean), or use status " + "commands for one database: current or check.");
		}
		if (fleet && !command.runsPerTarget() && !command.readsOnlyRevisions()) {
			throw new MigratorException(ErrorCode.INVALID_CONFIGURATION, "migrator.job.command is " + label(command)
					+ ", which does not run per target of a fleet, and migrator.fleet.schemas, migrator.fleet.databases "
					+ "or a FleetTargets bean configures one. On a fleet, run upgrade, downgrade, stamp, current, check, "
					+ "backfill, backfill-status, fleet-status, heads, history, sql or lint; run " + label(command)
					+ " without the fleet settings on one target.");
		}
	}

	private static void validateResolve(MigratorProperties.Job job) {
		boolean given = job.getResolve() != null && !job.getResolve().isBlank();
		if (job.getCommand() == JobCommand.RESOLVE && !given) {
			throw new MigratorException(ErrorCode.INVALID_CONFIGURATION, "migrator.job.command is resolve but "
					+ "migrator.job.resolve is empty. Set it to done (the statement completed) or rerun (run it again).");
		}
		if (given && job.getCommand() != JobCommand.RESOLVE) {
			throw new MigratorException(ErrorCode.INVALID_CONFIGURATION, "migrator.job.resolve is " + job.getResolve()
					+ ", which only the resolve command uses, but migrator.job.command is " + label(job.getCommand())
					+ ". Remove migrator.job.resolve, or set migrator.job.command to resolve.");
		}
		if (given) {
			try {
				Resolution.of(job.getResolve());
			}
			catch (IllegalArgumentException ex) {
				throw new MigratorException(ErrorCode.INVALID_CONFIGURATION,
						"migrator.job.resolve: " + ex.getMessage());
			}
		}
	}

	private static void validateBackfill(MigratorProperties.Job job) {
		boolean named = job.getBackfill() != null && !job.getBackfill().isBlank();
		if (job.getCommand().needsBackfillName() && !named) {
			throw new MigratorException(ErrorCode.INVALID_CONFIGURATION, "migrator.job.command is "
					+ label(job.getCommand())
					+ " but migrator.job.backfill is empty. Set migrator.job.backfill to the name of the backfill to "
					+ job.getCommand().label().substring("backfill-".length()) + " (backfill-status lists them).");
		}
		if (named && !job.getCommand().isBackfillCommand()) {
			throw new MigratorException(ErrorCode.INVALID_CONFIGURATION, "migrator.job.backfill is " + job.getBackfill()
					+ ", which only the backfill commands use, but migrator.job.command is " + label(job.getCommand())
					+ ". Remove migrator.job.backfill, or set migrator.job.command to backfill, backfill-pause, "
					+ "backfill-resume, backfill-cancel or backfill-status.");
		}
	}

	@Override
	public void run(ApplicationArguments args) {
		String command = label(this.job.getCommand());
		logger.info("Migration job: running " + command + describeArguments());
		try {
			if (execute()) {
				this.exitCode = SUCCESS;
				logger.info("Migration job: " + command + " succeeded");
			}
			else {
				this.exitCode = WAITING_FOR_BACKFILL;
				logger.warn("Migration job: " + command + " stopped short of its target (exit code "
						+ WAITING_FOR_BACKFILL + "): it waits for a backfill. Run migrator.job.command=backfill "
						+ "(or resume the backfill), then upgrade again.");
			}
		}
		catch (FleetCheckFailed ex) {
			this.exitCode = CHECK_FAILED;
			logger.error("Migration job: check failed (exit code " + CHECK_FAILED + "): " + ex.getMessage());
		}
		catch (CheckFailedException ex) {
			this.exitCode = CHECK_FAILED;
			logger.error("Migration job: check failed (exit code " + CHECK_FAILED + "). "
					+ DatabaseMessageRedaction.redact(ex.getMessage()));
		}
		catch (SchemaDriftException ex) {
			this.exitCode = DRIFT_FOUND;
			// The differences are on standard output already, one per line.
			logger.error("Migration job: drift found " + ex.result().differences().size() + " difference(s) between "
					+ "the database and its revisions (exit code " + DRIFT_FOUND + "). Write a revision for a change "
					+ "made by hand, or undo it.");
		}
		catch (LintFailedException ex) {
			this.exitCode = LINT_FAILED;
			// The findings are on standard output already, with the file and line of
			// each.
			logger.error("Migration job: " + command + " failed (exit code " + LINT_FAILED + "): lint found "
					+ ex.report().findings().size() + " unsafe statement(s) in the revisions. Rewrite each the safe "
					+ "way, or allow it with -- migrator:allow RULE-ID reason.");
		}
		catch (MigrationFailedException ex) {
			this.exitCode = FAILURE;
			// The engine has logged the whole story of the failed revision already.
			logger.error("Migration job: " + command + " failed at revision " + ex.revision() + " (exit code " + FAILURE
					+ ")");
		}
		catch (MigratorException ex) {
			this.exitCode = FAILURE;
			logger.error("Migration job: " + command + " failed (exit code " + FAILURE + "): "
					+ DatabaseMessageRedaction.redact(ex.getMessage()));
			logger.debug("Migration job failure", ex);
		}
		catch (RuntimeException ex) {
			this.exitCode = FAILURE;
			logger.error("Migration job: " + command + " failed (exit code " + FAILURE + ")", ex);
		}
		finally {
			this.out.flush();
		}
	}

	@Override
	public int getExitCode() {
		return this.exitCode;
	}

	/** Runs the command; false when an upgrade stopped short to wait for a backfill. */
	private boolean execute() {
		String target = this.job.getTarget();
		if (this.job.getCommand().runsPerTarget() && this.migrator.fleet().configured()) {
			new FleetCommands(this.migrator.fleet(), this.out).run(this.job.getCommand(), target, phase(),
					this.job.isCheckLint() ? Optional.of(this::lint) : Optional.empty(), backfill());
			return true;
		}
		switch (this.job.getCommand()) {
			case UPGRADE -> {
				RunResult result = this.migrator.upgrade(target, phase());
				print(new RunText(result));
				return !result.isWaitingForBackfill();
			}
			case DOWNGRADE -> print(new RunText(this.migrator.downgrade(target)));
			case STAMP -> this.out.println("Stamped " + describe(this.migrator.stamp(target)));
			case REPAIR -> print(new RepairText(this.migrator.repair(repairRevisions(this.repairSettings))));
			case RESOLVE -> this.out
				.println("Resolved " + String.join(", ", this.migrator.resolve(Resolution.of(this.job.getResolve())))
						+ ": " + this.job.getResolve().trim().toLowerCase(java.util.Locale.ROOT));
			case CURRENT -> print(new CurrentText(this.migrator.current(), this.migrator.appliedRepeatables()));
			case HEADS -> print(new HeadsText(this.migrator.graph()));
			case HISTORY ->
				print(new HistoryText(this.migrator.history(this.job.getRange()), this.migrator.heads(), applied()));
			case CHECK -> check();
			case SQL -> this.out.print(this.migrator.sql(this.job.getFrom(), target));
			case LINT -> failOnFindings(lint());
			case DRIFT -> drift();
			case IMPORT -> print(new ImportText(this.migrator.importFlyway(
					new FlywayImportRequest(this.importSettings.getLocations(), this.importSettings.getTable(),
							Path.of(this.importSettings.getOutput().trim()), this.importSettings.getPlaceholders()))));
			case BASELINE -> print(new BaselineText(this.migrator.baseline(new BaselineRequest(
					Path.of(this.baselineSettings.getOutput().trim()), this.baselineSettings.getRevision()))));
			case BACKFILL, BACKFILL_PAUSE, BACKFILL_RESUME, BACKFILL_CANCEL, BACKFILL_STATUS ->
				print(new BackfillCommands(this.migrator.backfills()).run(this.job.getCommand(), backfill()));
			case FLEET_STATUS -> throw new IllegalStateException("fleet-status runs only with a fleet");
		}
		return true;
	}

	/**
	 * The applied revisions with when, by whom and how long, for the history; none when
	 * the database cannot be read (history works from the files alone) or is a fleet's,
	 * whose targets each have their own.
	 */
	private List<AppliedRevision> applied() {
		if (this.migrator.config().dataSource().isEmpty() || this.migrator.fleet().configured()) {
			return List.of();
		}
		try {
			return this.migrator.applied();
		}
		catch (MigratorException ex) {
			logger.info("Migration job: history shows the revision files alone; the database could not be read for "
					+ "when each was installed: " + DatabaseMessageRedaction.redact(String.valueOf(ex.getMessage())));
			return List.of();
		}
	}

	/** The schema against its revisions: the differences printed, exit code 2 on any. */
	private void drift() {
		DriftResult result;
		try {
			result = SchemaDrift.check(this.migrator);
		}
		catch (MigratorException ex) {
			this.latestDrift.recordFailure(DatabaseMessageRedaction.redact(String.valueOf(ex.getMessage())));
			throw ex;
		}
		this.latestDrift.record(result);
		print(new DriftText(result));
		if (result.drifted()) {
			throw new SchemaDriftException(result);
		}
	}

	private void print(Report report) {
		this.out.print(report.text());
	}

	/**
	 * The database against the code, and unless switched off the revisions against the
	 * linter.
	 */
	private void check() {
		// Lint first: its findings are printed even when the database check fails.
		Optional<LintReport> lint = this.job.isCheckLint() ? Optional.of(lint()) : Optional.empty();
		print(new UpToDateText(this.migrator.check()));
		lint.ifPresent(MigratorJobRunner::failOnFindings);
	}

	/** Thrown by a fleet's check when a target is not up to date: exit code 2. */
	static final class FleetCheckFailed extends RuntimeException {

		FleetCheckFailed(String message) {
			super(message);
		}

	}

	private LintReport lint() {
		LintReport report = this.migrator.lint();
		new LintReportOutput(this.out, this.job).write(report);
		return report;
	}

	private static void failOnFindings(LintReport report) {
		if (report.fails()) {
			throw new LintFailedException(report);
		}
	}

	private Optional<String> backfill() {
		return Optional.ofNullable(this.job.getBackfill()).map(String::trim).filter((name) -> !name.isEmpty());
	}

	private PhaseFilter phase() {
		return (this.job.getPhase() != null) ? this.job.getPhase() : PhaseFilter.ALL;
	}

	private String describeArguments() {
		return switch (this.job.getCommand()) {
			case UPGRADE -> " to " + this.job.getTarget()
					+ ((phase() == PhaseFilter.ALL) ? "" : " (phase " + phase().label() + ")");
			case DOWNGRADE, STAMP -> " to " + this.job.getTarget();
			case SQL -> " from " + this.job.getFrom() + " to " + this.job.getTarget();
			case HISTORY -> this.job.getRange().isBlank() ? "" : " of " + this.job.getRange();
			case BACKFILL, BACKFILL_STATUS -> backfill().map((name) -> " of " + name).orElse("");
			case BACKFILL_PAUSE, BACKFILL_RESUME, BACKFILL_CANCEL -> " of " + backfill().orElseThrow();
			case RESOLVE -> " (" + this.job.getResolve() + ")";
			case REPAIR -> repairRevisions(this.repairSettings).isEmpty() ? ""
					: " of " + String.join(", ", repairRevisions(this.repairSettings));
			case IMPORT -> " from " + this.importSettings.getFrom() + " into " + this.importSettings.getOutput();
			case BASELINE -> " into " + this.baselineSettings.getOutput();
			case CURRENT, HEADS, CHECK, LINT, DRIFT, FLEET_STATUS -> "";
		};
	}

	private static String describe(Set<String> rows) {
		return rows.isEmpty() ? "base" : String.join(", ", rows.stream().sorted().toList());
	}

	private static String label(JobCommand command) {
		return command.label();
	}

	private static boolean isHeads(String target) {
		String value = nullToEmpty(target).trim();
		return value.equals("heads") || value.equals("head");
	}

	private static String nullToEmpty(String value) {
		return (value != null) ? value : "";
	}

}

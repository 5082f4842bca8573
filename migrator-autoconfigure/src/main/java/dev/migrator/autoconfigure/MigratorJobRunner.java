package dev.migrator.autoconfigure;

import dev.migrator.core.CheckFailedException;
import dev.migrator.core.MigrationStatus;
import dev.migrator.core.Migrator;
import dev.migrator.core.MigratorException;
import dev.migrator.core.RunResult;
import dev.migrator.core.runtime.MigrationFailedException;
import dev.migrator.core.script.Target;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;

/**
 * The migration job: runs the one command of {@code migrator.job.command} and keeps its outcome as the exit code, so
 * that a Kubernetes Job, an init container or a CI step sees it. Results go to the given stream (standard output), so
 * that {@code sql} can be redirected to a file; progress and errors go to the log.
 *
 * <p>Exit codes: {@value #SUCCESS} the command succeeded; {@value #FAILURE} it failed (a revision failed, the
 * database could not be reached, a revision file is invalid); {@value #CHECK_FAILED} {@code check} found pending or
 * edited revisions.
 */
public class MigratorJobRunner implements ApplicationRunner, ExitCodeGenerator {

	/** The command succeeded. */
	public static final int SUCCESS = 0;

	/** The command failed. */
	public static final int FAILURE = 1;

	/** {@code check} found the database behind the code, or an applied revision edited. */
	public static final int CHECK_FAILED = 2;

	private static final Log logger = LogFactory.getLog(MigratorJobRunner.class);

	private final Migrator migrator;

	private final MigratorProperties.Job job;

	private final PrintStream out;

	private volatile int exitCode = SUCCESS;

	/**
	 * Checks the job settings at once, so that a wrong target fails startup with failure analysis.
	 * @param migrator the engine
	 * @param job the job settings
	 * @param out where command results are printed
	 */
	public MigratorJobRunner(Migrator migrator, MigratorProperties.Job job, PrintStream out) {
		this.migrator = migrator;
		this.job = job;
		this.out = out;
		validate(job);
	}

	private static void validate(MigratorProperties.Job job) {
		if (job.getCommand() == null) {
			throw new MigratorException("invalid-configuration", "migrator.job.command is empty. Set it to one of "
					+ "upgrade, downgrade, stamp, current, heads, history, check or sql.");
		}
		Target.parse(nullToEmpty(job.getTarget()));
		if (job.getCommand() == JobCommand.SQL) {
			Target.parse(nullToEmpty(job.getFrom()));
		}
		if (job.getCommand() == JobCommand.DOWNGRADE && isHeads(job.getTarget())) {
			// Downgrading "to heads" does nothing: the target was forgotten, not meant.
			throw new MigratorException("invalid-configuration", "migrator.job.command is downgrade but "
					+ "migrator.job.target is '" + job.getTarget() + "', which would undo nothing. Set "
					+ "migrator.job.target to where the database should go, such as -1, a revision id, or base.");
		}
	}

	@Override
	public void run(ApplicationArguments args) {
		String command = label(this.job.getCommand());
		logger.info("Migration job: running " + command + describeArguments());
		try {
			execute();
			this.exitCode = SUCCESS;
			logger.info("Migration job: " + command + " succeeded");
		}
		catch (CheckFailedException ex) {
			this.exitCode = CHECK_FAILED;
			logger.error("Migration job: check failed (exit code " + CHECK_FAILED + "). " + ex.getMessage());
		}
		catch (MigrationFailedException ex) {
			this.exitCode = FAILURE;
			// The engine has logged the whole story of the failed revision already.
			logger.error("Migration job: " + command + " failed at revision " + ex.revision() + " (exit code "
					+ FAILURE + ")");
		}
		catch (MigratorException ex) {
			this.exitCode = FAILURE;
			logger.error("Migration job: " + command + " failed (exit code " + FAILURE + "): " + ex.getMessage());
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

	private void execute() {
		String target = this.job.getTarget();
		RevisionLines lines = new RevisionLines(this.out);
		switch (this.job.getCommand()) {
			case UPGRADE -> printRun("Upgraded", this.migrator.upgrade(target));
			case DOWNGRADE -> printRun("Downgraded", this.migrator.downgrade(target));
			case STAMP -> this.out.println("Stamped " + describe(this.migrator.stamp(target)));
			case CURRENT -> printCurrent(this.migrator.current());
			case HEADS -> lines.heads(this.migrator.heads());
			case HISTORY -> lines.history(this.migrator.history(this.job.getRange()), this.migrator.heads());
			case CHECK -> printCheck(this.migrator.check());
			case SQL -> this.out.print(this.migrator.sql(this.job.getFrom(), target));
		}
	}

	private void printRun(String verb, RunResult result) {
		if (result.isNoOp()) {
			this.out.println("Nothing to do: the database is at " + describe(result.after()));
			return;
		}
		Duration total = result.steps().stream().map((step) -> step.duration()).reduce(Duration.ZERO, Duration::plus);
		this.out.println(verb + " " + result.steps().size() + " revision(s) in " + total.toMillis() + " ms: "
				+ describe(result.before()) + " -> " + describe(result.after()));
	}

	private void printCurrent(Set<String> current) {
		if (current.isEmpty()) {
			this.out.println("base");
		}
		current.forEach(this.out::println);
	}

	private void printCheck(MigrationStatus status) {
		int edited = status.checksumMismatches().size();
		String mismatches = (edited == 0) ? ""
				: " (" + edited + " edited applied revision(s), allowed by checksum policy WARN)";
		this.out.println("Up to date at " + describe(status.current()) + mismatches);
	}

	private String describeArguments() {
		return switch (this.job.getCommand()) {
			case UPGRADE, DOWNGRADE, STAMP -> " to " + this.job.getTarget();
			case SQL -> " from " + this.job.getFrom() + " to " + this.job.getTarget();
			case HISTORY -> this.job.getRange().isBlank() ? "" : " of " + this.job.getRange();
			case CURRENT, HEADS, CHECK -> "";
		};
	}

	private static String describe(Set<String> rows) {
		return rows.isEmpty() ? "base" : String.join(", ", rows.stream().sorted().toList());
	}

	private static String label(JobCommand command) {
		return command.name().toLowerCase(Locale.ROOT);
	}

	private static boolean isHeads(String target) {
		String value = nullToEmpty(target).trim();
		return value.equals("heads") || value.equals("head");
	}

	private static String nullToEmpty(String value) {
		return (value != null) ? value : "";
	}

}

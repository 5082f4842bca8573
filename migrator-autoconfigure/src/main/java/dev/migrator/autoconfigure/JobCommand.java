package dev.migrator.autoconfigure;

import java.util.Locale;

/**
 * The command the migration job runs, as written in {@code migrator.job.command}.
 */
public enum JobCommand {

	/** Apply the revisions the target needs. */
	UPGRADE,

	/** Undo the applied revisions above the target. */
	DOWNGRADE,

	/** Record the target as applied without running any revision. */
	STAMP,

	/** Print the database's current revisions. */
	CURRENT,

	/** Print the heads of the application's revision graph. */
	HEADS,

	/** Print the revisions of the history range, oldest first. */
	HISTORY,

	/** Fail when revisions are pending or an applied revision was edited. */
	CHECK,

	/**
	 * Print the SQL script that moving from {@code migrator.job.from} to the target would
	 * run.
	 */
	SQL,

	/** Print the linter's findings in the revisions; exit 2 when there is any. */
	LINT,

	/**
	 * Settle a statement an interrupted run left with an unknown outcome, as
	 * {@code migrator.job.resolve} says: done or rerun.
	 */
	RESOLVE,

	/**
	 * Record what an operator fixed by hand: the checksum of an applied revision edited
	 * on purpose, and the forgetting of a step a run left part-way
	 * ({@code migrator.repair.revisions}, every one that needs it by default).
	 */
	REPAIR,

	/**
	 * Turn another tool's project and history into revision files and record the database
	 * at the last migration it applied ({@code migrator.import.*}), running none of their
	 * SQL.
	 */
	IMPORT,

	/**
	 * Compare the live schema with the schema its applied revisions produce, built in a
	 * scratch schema (PostgreSQL) or database file (SQLite); exit 2 with the differences
	 * when there is any.
	 */
	DRIFT,

	/**
	 * Write one revision that recreates the live schema into
	 * {@code migrator.baseline.output} and record the database at it, running none of it.
	 */
	BASELINE,

	/** Run every pending backfill, or the one named by {@code migrator.job.backfill}. */
	BACKFILL,

	/** Pause the backfill named by {@code migrator.job.backfill}. */
	BACKFILL_PAUSE,

	/**
	 * Make the paused, failed or cancelled backfill named by
	 * {@code migrator.job.backfill} pending again.
	 */
	BACKFILL_RESUME,

	/** Cancel the backfill named by {@code migrator.job.backfill}. */
	BACKFILL_CANCEL,

	/**
	 * Print every backfill's progress, or that of the one named by
	 * {@code migrator.job.backfill}.
	 */
	BACKFILL_STATUS,

	/**
	 * Print every target of the fleet ({@code migrator.fleet.*}) against the code: up to
	 * date, so many pending, ahead, or unreadable and why.
	 */
	FLEET_STATUS;

	/**
	 * The command as written in {@code migrator.job.command}, such as
	 * {@code backfill-status}: Spring Boot binds that spelling (and
	 * {@code BACKFILL_STATUS}, {@code backfill_status}) to the constant.
	 */
	public String label() {
		return name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

	/**
	 * Whether the command works on the backfill named by {@code migrator.job.backfill}.
	 */
	boolean isBackfillCommand() {
		return this == BACKFILL || this == BACKFILL_PAUSE || this == BACKFILL_RESUME || this == BACKFILL_CANCEL
				|| this == BACKFILL_STATUS;
	}

	/**
	 * Whether the command runs on every target when a fleet is configured; the others
	 * read only the revision files (the same for every tenant) or are not per target.
	 */
	boolean runsPerTarget() {
		return this == UPGRADE || this == DOWNGRADE || this == CURRENT || this == CHECK || this == FLEET_STATUS
				|| this == STAMP || this == BACKFILL || this == BACKFILL_STATUS;
	}

	/** Whether the command reads only the revision files, the same for every target. */
	boolean readsOnlyRevisions() {
		return this == HEADS || this == HISTORY || this == SQL || this == LINT;
	}

	/** Whether the command cannot do without a backfill name. */
	boolean needsBackfillName() {
		return this == BACKFILL_PAUSE || this == BACKFILL_RESUME || this == BACKFILL_CANCEL;
	}

}

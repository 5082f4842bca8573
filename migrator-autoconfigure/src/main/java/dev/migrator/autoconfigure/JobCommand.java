package dev.migrator.autoconfigure;

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

	/** Print the SQL script that moving from {@code migrator.job.from} to the target would run. */
	SQL

}

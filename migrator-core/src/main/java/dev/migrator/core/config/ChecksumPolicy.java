package dev.migrator.core.config;

/** What to do when an applied revision's content no longer matches what was applied. */
public enum ChecksumPolicy {

	/** Refuse to run and fail {@code check}: migration files are history. */
	FAIL,

	/** Log a warning and go on. */
	WARN

}

package dev.migrator.core.runtime;

import dev.migrator.core.error.ErrorCode;

import dev.migrator.core.error.MigratorException;
import dev.migrator.core.sql.DatabaseMessageRedaction;

/**
 * A revision's statement or Java code failed; the message says what ran, what failed and
 * what state remains.
 */
public class MigrationFailedException extends MigratorException {

	private final String revision;

	public MigrationFailedException(String revision, String message, Throwable cause) {
		// Redacted here too, whoever built the message: it is logged, stored and shown.
		super(ErrorCode.MIGRATION_FAILED, DatabaseMessageRedaction.redact(message), cause);
		this.revision = revision;
	}

	/** The id of the revision that failed. */
	public String revision() {
		return this.revision;
	}

}

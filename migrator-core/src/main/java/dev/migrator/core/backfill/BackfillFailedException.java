package dev.migrator.core.backfill;

import dev.migrator.core.error.ErrorCode;

import dev.migrator.core.error.MigratorException;

/**
 * A backfill stopped as {@code failed}; the message names it, its table, the error and
 * what to do next.
 */
public class BackfillFailedException extends MigratorException {

	private final String backfill;

	public BackfillFailedException(String backfill, String message, Throwable cause) {
		super(ErrorCode.BACKFILL_FAILED, message, cause);
		this.backfill = backfill;
	}

	/** The failed backfill's name. */
	public String backfill() {
		return this.backfill;
	}

}

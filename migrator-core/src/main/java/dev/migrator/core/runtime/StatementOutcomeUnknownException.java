package dev.migrator.core.runtime;

import dev.migrator.core.error.ErrorCode;

import dev.migrator.core.error.MigratorException;

/**
 * A run refused to continue a revision because an earlier run was interrupted while a
 * statement ran that leaves nothing to check: whether it completed is for a person to
 * say, with the resolve command.
 */
public final class StatementOutcomeUnknownException extends MigratorException {

	private final String revision;

	StatementOutcomeUnknownException(String revision, String message) {
		super(ErrorCode.STATEMENT_OUTCOME_UNKNOWN, message);
		this.revision = revision;
	}

	public String revision() {
		return this.revision;
	}

}

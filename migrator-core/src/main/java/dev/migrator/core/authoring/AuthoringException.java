package dev.migrator.core.authoring;

import dev.migrator.core.error.ErrorCode;

import dev.migrator.core.error.MigratorException;

/**
 * An authoring command that cannot do what it was asked; the message says which input to
 * change.
 */
public class AuthoringException extends MigratorException {

	public AuthoringException(ErrorCode code, String message) {
		super(code, message);
	}

	public AuthoringException(ErrorCode code, String message, Throwable cause) {
		super(code, message, cause);
	}

}

package dev.migrator.core.script;

import dev.migrator.core.error.ErrorCode;

import dev.migrator.core.error.MigratorException;

/**
 * A revision file or class could not be read: bad header, unknown key, empty upgrade,
 * unreadable location.
 */
public class RevisionSourceException extends MigratorException {

	public RevisionSourceException(ErrorCode code, String message) {
		super(code, message);
	}

	public RevisionSourceException(ErrorCode code, String message, Throwable cause) {
		super(code, message, cause);
	}

}

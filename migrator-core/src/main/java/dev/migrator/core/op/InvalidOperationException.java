package dev.migrator.core.op;

import dev.migrator.core.error.ErrorCode;

import dev.migrator.core.error.MigratorException;

/**
 * An operation that cannot run as asked: a bad identifier, a type the dialect cannot
 * express, a statement that needs autocommit inside a transaction. Raised before any
 * statement of the operation runs.
 */
public class InvalidOperationException extends MigratorException {

	public InvalidOperationException(ErrorCode code, String message) {
		super(code, message);
	}

}

package dev.migrator.core.op;

import dev.migrator.core.error.MigratorException;

/**
 * The database refused a statement of an operation, or a check the operation runs found a
 * problem.
 */
public class OperationFailedException extends MigratorException {

	public OperationFailedException(String message) {
		super("operation-failed", message);
	}

	public OperationFailedException(String message, Throwable cause) {
		super("operation-failed", message, cause);
	}

}

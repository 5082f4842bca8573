package dev.migrator.core.op;

import dev.migrator.core.error.ErrorCode;

import dev.migrator.core.error.MigratorException;

/**
 * The database refused a statement of an operation, or a check the operation runs found a
 * problem.
 */
public class OperationFailedException extends MigratorException {

	public OperationFailedException(String message) {
		super(ErrorCode.OPERATION_FAILED, message);
	}

	public OperationFailedException(String message, Throwable cause) {
		super(ErrorCode.OPERATION_FAILED, message, cause);
	}

}

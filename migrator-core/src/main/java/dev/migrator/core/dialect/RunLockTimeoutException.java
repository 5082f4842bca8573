package dev.migrator.core.dialect;

import dev.migrator.core.error.ErrorCode;

import dev.migrator.core.error.MigratorException;

/** Another runner held the run lock for longer than the configured wait. */
public class RunLockTimeoutException extends MigratorException {

	public RunLockTimeoutException(String message) {
		super(ErrorCode.RUN_LOCK_TIMEOUT, message);
	}

}

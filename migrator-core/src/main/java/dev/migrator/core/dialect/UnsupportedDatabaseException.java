package dev.migrator.core.dialect;

import dev.migrator.core.error.ErrorCode;

import dev.migrator.core.error.MigratorException;

/**
 * The connection's database, or a configured dialect name, is not one this engine
 * supports.
 */
public class UnsupportedDatabaseException extends MigratorException {

	public UnsupportedDatabaseException(String message) {
		super(ErrorCode.UNSUPPORTED_DATABASE, message);
	}

}

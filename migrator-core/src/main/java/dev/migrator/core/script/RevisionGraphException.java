package dev.migrator.core.script;

import dev.migrator.core.error.ErrorCode;

import dev.migrator.core.error.MigratorException;

/**
 * The revisions do not form a valid graph (duplicate ids, unknown parents, cycles) or a
 * target cannot be resolved.
 */
public class RevisionGraphException extends MigratorException {

	public RevisionGraphException(ErrorCode code, String message) {
		super(code, message);
	}

}

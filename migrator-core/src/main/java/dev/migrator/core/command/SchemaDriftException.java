package dev.migrator.core.command;

import dev.migrator.core.error.ErrorCode;
import dev.migrator.core.error.MigratorException;

import java.util.stream.Collectors;

/**
 * {@code drift} found the live schema different from what its applied revisions produce;
 * the result carries every difference.
 */
public class SchemaDriftException extends MigratorException {

	private static final int LISTED = 20;

	private final DriftResult result;

	public SchemaDriftException(DriftResult result) {
		super(ErrorCode.SCHEMA_DRIFT, message(result));
		this.result = result;
	}

	public DriftResult result() {
		return this.result;
	}

	private static String message(DriftResult result) {
		int count = result.differences().size();
		String listed = result.differences().stream().limit(LISTED).collect(Collectors.joining("\n  ", "\n  ", ""));
		String more = (count > LISTED) ? "\n  … and " + (count - LISTED) + " more" : "";
		return "Schema drift: the database differs from what its applied revisions produce in " + count + " place(s)."
				+ listed + more + "\nWrite a revision that makes the change the database has (or stamp what was done "
				+ "by hand), or undo the change made outside the revisions.";
	}

}

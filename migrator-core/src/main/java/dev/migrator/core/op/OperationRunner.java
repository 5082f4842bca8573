package dev.migrator.core.op;

import java.util.List;

/**
 * Where {@link Operations} sends each operation, already validated and named: the runtime
 * renders it through the dialect and executes it on the revision's connection, or records
 * it for an offline script.
 */
public interface OperationRunner {

	/** The dialect's name, {@code postgresql} or {@code sqlite}. */
	String dialect();

	/**
	 * Renders the operation and runs (or records) its statements; fails before running
	 * any when it cannot run.
	 */
	void run(Operation operation);

	/**
	 * Runs (or records) the operation with lint rules its author allowed for it; a runner
	 * that does not lint runs it as {@link #run(Operation)} does.
	 */
	default void run(Operation operation, List<LintAllowance> allowances) {
		run(operation);
	}

	/**
	 * Runs the work outside the revision's transaction: commits what ran so far, runs the
	 * work in autocommit, then begins a new transaction for the rest of the revision.
	 */
	void autocommit(AutocommitWork work) throws Exception;

}

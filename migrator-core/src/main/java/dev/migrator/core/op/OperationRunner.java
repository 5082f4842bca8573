package dev.migrator.core.op;

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
	 * Runs the work outside the revision's transaction: commits what ran so far, runs the
	 * work in autocommit, then begins a new transaction for the rest of the revision.
	 */
	void autocommit(AutocommitWork work) throws Exception;

}

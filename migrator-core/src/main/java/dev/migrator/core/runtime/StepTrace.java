package dev.migrator.core.runtime;

import dev.migrator.core.script.Revision;
import dev.migrator.core.script.SqlStatement;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * What has run of the current step, kept by {@link StepExecutor} as it goes so that
 * {@link StepFailureExplainer} can say exactly what stays applied after a failure.
 */
final class StepTrace {

	final Revision revision;

	final LockTimeoutRetrier retrier;

	/** The statements that ran to completion (in the current attempt). */
	final List<SqlStatement> done = new ArrayList<>();

	/**
	 * Statements committed by the parts that finished, for a revision run in parts.
	 */
	final List<SqlStatement> committed = new ArrayList<>();

	/** The statements a transactional revision runs outside its transaction. */
	final List<SqlStatement> outside = new ArrayList<>();

	/** The statement running now. */
	Optional<SqlStatement> current = Optional.empty();

	/** How many statements the step has. */
	int total;

	/** Whether every statement ran and only the version row is left to record. */
	boolean recording;

	/** Whether a Java migration's autocommit block committed part of it. */
	boolean committedEarly;

	/**
	 * Whether a transactional SQL revision was split around statements that cannot run in
	 * a transaction.
	 */
	boolean inParts;

	/**
	 * Whether an earlier, interrupted run left statement progress rows for this step.
	 */
	boolean leftPartWay;

	/**
	 * Whether a table lock taken without waiting was refused in this step (somebody held
	 * it): from then on its transactions look at the lock's holders before each statement
	 * that needs one, as {@link LockQueueCheck} describes.
	 */
	boolean lookFirst;

	/**
	 * The index a concurrent build failed to create because it exists already, and is
	 * VALID.
	 */
	Optional<String> existingValidIndex = Optional.empty();

	private final Consumer<SqlStatement> onRunning;

	StepTrace(Revision revision, LockTimeoutRetrier retrier, Consumer<SqlStatement> onRunning) {
		this.revision = revision;
		this.retrier = retrier;
		this.onRunning = onRunning;
	}

	void running(SqlStatement statement) {
		this.current = Optional.of(statement);
		this.onRunning.accept(statement);
	}

	void ran(SqlStatement statement) {
		this.done.add(statement);
		this.current = Optional.empty();
	}

	/**
	 * Forgets what ran: the transaction it ran in was rolled back, and the revision
	 * starts again.
	 */
	void restart() {
		this.done.clear();
		this.current = Optional.empty();
		this.committedEarly = false;
	}

	/** Forgets what ran of the part that was rolled back. */
	void restartPart() {
		this.done.retainAll(this.committed);
		this.current = Optional.empty();
	}

}

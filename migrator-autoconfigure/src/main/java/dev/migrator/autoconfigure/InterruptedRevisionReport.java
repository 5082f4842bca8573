package dev.migrator.autoconfigure;

import dev.migrator.core.runtime.MigrationListener;
import dev.migrator.core.runtime.StepResult;
import dev.migrator.core.script.Direction;
import dev.migrator.core.script.PlanStep;
import dev.migrator.core.script.Revision;

import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextClosedEvent;

/**
 * Says what a migration job stopped in the middle of when its application context closes
 * while a revision runs, which is what a SIGTERM (Kubernetes ending a pod) looks like
 * from inside: the revision, and what the database does with it. Without it the job's log
 * ends at the connection pool's shutdown, and its reader cannot tell whether anything was
 * left half done.
 */
class InterruptedRevisionReport implements MigrationListener, ApplicationListener<ContextClosedEvent> {

	private static final Log logger = LogFactory.getLog(InterruptedRevisionReport.class);

	private final AtomicReference<Optional<Running>> running = new AtomicReference<>(Optional.empty());

	@Override
	public void stepStarted(PlanStep step) {
		this.running.set(Optional.of(new Running(step, OptionalInt.empty())));
	}

	@Override
	public void statementStarted(PlanStep step, int line) {
		this.running.set(Optional.of(new Running(step, OptionalInt.of(line))));
	}

	@Override
	public void stepFinished(StepResult result) {
		this.running.set(Optional.empty());
	}

	@Override
	public void onApplicationEvent(ContextClosedEvent event) {
		this.running.getAndSet(Optional.empty()).ifPresent((running) -> logger.warn(running.describe()));
	}

	/** The step that runs, and the line of its statement that runs, when known. */
	private record Running(PlanStep step, OptionalInt line) {

		String describe() {
			Revision revision = this.step.revision();
			String where = this.line.isPresent() ? ", at its statement at line " + this.line.getAsInt() + " ("
					+ revision.origin().atLine(this.line.getAsInt()) + ")" : " (" + revision.origin() + ")";
			return "Migration job: the application is shutting down (a SIGTERM, or its context closing) during the "
					+ ((this.step.direction() == Direction.UPGRADE) ? "upgrade" : "downgrade") + " of revision "
					+ revision.id() + where + ". " + outcome(revision);
		}

	}

	private static String outcome(Revision revision) {
		return revision.transactional()
				? "It is transactional: the database rolls back the transaction that was running when the "
						+ "connection closes, so nothing of it stays applied (a part committed before, in a revision "
						+ "run in parts around a concurrent index build, stays recorded), and the next run applies it "
						+ "again from where it stands."
				: "It is not transactional: the statements it completed stay applied and recorded, and the next "
						+ "run continues after them; a statement cut off while it ran is checked by the next run (an "
						+ "index build) or left for migrator.job.command=resolve to settle.";
	}

}

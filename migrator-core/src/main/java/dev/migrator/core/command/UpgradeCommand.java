package dev.migrator.core.command;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.migrator.core.script.PhaseFilter;
import dev.migrator.core.script.PhasedPlan;
import dev.migrator.core.script.Plan;
import dev.migrator.core.script.Planner;
import dev.migrator.core.script.Revision;
import dev.migrator.core.script.Target;

/**
 * {@code upgrade}: applies what the target needs that the phase filter lets through, each
 * revision in its own transaction, under the run lock; contract revisions wait for the
 * compatibility guard.
 */
public final class UpgradeCommand {

	private static final Logger logger = LoggerFactory.getLogger(UpgradeCommand.class);

	private final CommandContext context;

	public UpgradeCommand(CommandContext context) {
		this.context = context;
	}

	public RunResult run(String target, PhaseFilter phases) {
		Target.parse(target);
		Objects.requireNonNull(phases, "phases");
		Planner planner = new Planner(this.context.graph());
		return this.context.sessions().write((session) -> {
			Set<String> rows = session.versionRows();
			PhasedPlan phased = planner.upgrade(rows, target, phases);
			Plan plan = phased.plan();
			new ChecksumVerification(this.context.graph(), this.context.config().checksumPolicy()).verify(session,
					planner.applied(rows));
			List<String> heldBack = phased.heldBack().stream().map(Revision::id).toList();
			if (!heldBack.isEmpty()) {
				logger.info("Phase {}: holding back {} revision(s) for the contract phase: {}", phases.label(),
						heldBack.size(), describe(phased.heldBack()));
			}
			new PartWayCheck(this.context.graph()).verify(session, plan);
			new ContractCheck(this.context).guard(session, plan);
			PlanExecution execution = new PlanExecution(this.context);
			RunResult result = execution.upgrade(session, plan,
					this.context.config().backfillSettings().runOnUpgrade());
			result = new RepeatableRevisions(this.context.graph()).applyAfter(session, result, execution);
			return new RunResult(result.direction(), result.steps(), result.before(), result.after(), heldBack,
					result.waitingFor());
		});
	}

	private static String describe(List<Revision> revisions) {
		return revisions.stream().map((r) -> r.id() + " (" + r.phase().label() + ")").collect(Collectors.joining(", "));
	}

}

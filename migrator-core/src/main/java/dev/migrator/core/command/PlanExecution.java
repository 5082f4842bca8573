package dev.migrator.core.command;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.migrator.core.config.MigratorConfig;
import dev.migrator.core.replica.LagThrottle;
import dev.migrator.core.replica.ReplicaLagGate;
import dev.migrator.core.runtime.MigrationRunner;
import dev.migrator.core.runtime.StepGate;
import dev.migrator.core.runtime.StepResult;
import dev.migrator.core.script.Direction;
import dev.migrator.core.script.LagLimits;
import dev.migrator.core.script.Plan;
import dev.migrator.core.script.PlanStep;

/**
 * Runs a plan in a session: each revision in its own transaction through the
 * {@link MigrationRunner}, and, when backfills run on upgrade, each declared backfill
 * right after the revision that declares it.
 */
final class PlanExecution {

	private static final Logger logger = LoggerFactory.getLogger(PlanExecution.class);

	private final CommandContext context;

	PlanExecution(CommandContext context) {
		this.context = context;
	}

	RunResult run(Session session, Plan plan) throws SQLException {
		if (plan.isEmpty()) {
			logger.info("Nothing to {}: the database is at {}", plan.direction().label(), describe(plan.rowsBefore()));
			return new RunResult(plan.direction(), List.of(), plan.rowsBefore(), plan.rowsAfter());
		}
		logger.info("{} {} revision(s) from {}", plan.direction() == Direction.UPGRADE ? "Upgrading" : "Downgrading",
				plan.steps().size(), describe(plan.rowsBefore()));
		MigratorConfig config = this.context.config();
		MigrationRunner runner = new MigrationRunner(session.dialect(), session.versions(), session.history(),
				config.settings(), config.listeners(), CommandContext.runBy(), config.namingConvention(),
				config.lockRetry());
		List<StepResult> steps = runner.run(session.connection(), plan, stepGate(session));
		return new RunResult(plan.direction(), steps, plan.rowsBefore(), plan.rowsAfter());
	}

	/**
	 * Runs the plan in stretches, each ending at a revision that declares backfills,
	 * which run right after it.
	 */
	RunResult runWithBackfills(Session session, Plan plan) throws SQLException {
		Backfills backfills = new Backfills(this.context);
		// Backfills of revisions applied before, left unfinished by a run that stopped,
		// go
		// first: the revisions about to be applied come later in the graph and may rely
		// on
		// them.
		backfills.runPending();
		if (plan.steps().stream().allMatch((step) -> step.revision().backfills().isEmpty())) {
			return run(session, plan);
		}
		List<StepResult> steps = new ArrayList<>();
		Set<String> rows = new LinkedHashSet<>(plan.rowsBefore());
		List<PlanStep> stretch = new ArrayList<>();
		for (int i = 0; i < plan.steps().size(); i++) {
			PlanStep step = plan.steps().get(i);
			stretch.add(step);
			boolean last = i == plan.steps().size() - 1;
			if (!step.revision().backfills().isEmpty() || last) {
				Set<String> after = new LinkedHashSet<>(rows);
				stretch.forEach((s) -> {
					after.removeAll(s.deleteRows());
					after.addAll(s.insertRows());
				});
				steps.addAll(run(session, new Plan(plan.direction(), stretch, rows, after)).steps());
				backfills.runDeclaredBy(step.revision());
				rows = after;
				stretch.clear();
			}
		}
		return new RunResult(plan.direction(), steps, plan.rowsBefore(), plan.rowsAfter());
	}

	/**
	 * With lag limits set on PostgreSQL, a chain of revisions waits before each one while
	 * a replica is behind, as a backfill does between batches: long DDL writes WAL that
	 * replicas must replay too.
	 */
	private StepGate stepGate(Session session) {
		LagLimits limits = this.context.config().replicaSettings().limits();
		if (limits.isNone() || !"postgresql".equals(session.dialect().name())) {
			return StepGate.OPEN;
		}
		return new ReplicaLagGate(new LagThrottle(limits, this.context.replicaLagMonitor()::measure),
				this.context.config().replicaSettings().pollInterval());
	}

	static String describe(Set<String> rows) {
		return rows.isEmpty() ? "base" : String.join(", ", new TreeSet<>(rows));
	}

}

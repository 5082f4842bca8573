package dev.migrator.core.command;

import dev.migrator.core.error.ErrorCode;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.LinkedHashMap;
import java.util.stream.Collectors;
import java.util.Set;
import java.util.TreeSet;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.migrator.core.backfill.BackfillState;
import dev.migrator.core.backfill.BackfillStatus;
import dev.migrator.core.config.MigratorConfig;
import dev.migrator.core.error.MigratorException;
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
		return run(session, plan, StepGate.OPEN);
	}

	/**
	 * A downgrade: before each revision is undone, the state of the backfills it declares
	 * is discarded, so that applying it again runs them again rather than trusting a
	 * "done" that no longer holds.
	 */
	RunResult downgrade(Session session, Plan plan) throws SQLException {
		Backfills backfills = new Backfills(this.context);
		return run(session, plan, (step) -> {
			if (!step.revision().backfills().isEmpty()) {
				try {
					backfills.discard(session, step.revision());
				}
				catch (SQLException ex) {
					throw new MigratorException(ErrorCode.DATABASE_ERROR,
							"Could not discard the backfill progress of revision " + step.revision().id()
									+ " before downgrading it: " + ex.getMessage()
									+ ". Check that the user may write the backfill tables.",
							ex);
				}
			}
		});
	}

	private RunResult run(Session session, Plan plan, StepGate before) throws SQLException {
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
		StepGate lag = stepGate(session);
		List<StepResult> steps = runner.run(session.connection(), session.reconnect(), plan, (step) -> {
			before.beforeStep(step);
			lag.beforeStep(step);
		});
		return new RunResult(plan.direction(), steps, plan.rowsBefore(), plan.rowsAfter());
	}

	/**
	 * Runs an upgrade plan in stretches, each ending at a revision that declares
	 * backfills. A backfill belongs to its revision: no revision that descends from the
	 * revision declaring a backfill is applied while that backfill is unfinished. With
	 * backfills run on upgrade, each runs right after its revision (and those left
	 * unfinished by an earlier run go first); without, or when one is paused, failed or
	 * cancelled, the run stops before the first revision that would need it, and the
	 * result names what it waits for.
	 */
	RunResult upgrade(Session session, Plan plan, boolean runBackfills) throws SQLException {
		if (this.context.graph().revisions().stream().allMatch((r) -> r.backfills().isEmpty())) {
			return run(session, plan);
		}
		Backfills backfills = new Backfills(this.context);
		if (runBackfills) {
			// Backfills of revisions applied before, left unfinished by a run that
			// stopped,
			// go first: the revisions about to be applied may rely on them.
			backfills.runPending();
		}
		Map<String, List<BackfillStatus>> unfinished = new LinkedHashMap<>(backfills.unfinishedByRevision());
		List<StepResult> steps = new ArrayList<>();
		Set<String> rows = new LinkedHashSet<>(plan.rowsBefore());
		List<PlanStep> stretch = new ArrayList<>();
		for (PlanStep step : plan.steps()) {
			List<BackfillStatus> waitingFor = waitingFor(step, unfinished);
			if (!waitingFor.isEmpty()) {
				rows = runStretch(session, plan, stretch, rows, steps);
				logWaiting(step, waitingFor);
				return new RunResult(plan.direction(), steps, plan.rowsBefore(), rows, List.of(), waitingFor);
			}
			stretch.add(step);
			if (!step.revision().backfills().isEmpty()) {
				rows = runStretch(session, plan, stretch, rows, steps);
				if (runBackfills) {
					backfills.runDeclaredBy(step.revision());
				}
				List<BackfillStatus> left = backfills.statusOf(step.revision())
					.stream()
					.filter((status) -> status.state() != BackfillState.DONE)
					.toList();
				if (!left.isEmpty()) {
					unfinished.put(step.revision().id(), left);
				}
			}
		}
		rows = runStretch(session, plan, stretch, rows, steps);
		return new RunResult(plan.direction(), steps, plan.rowsBefore(), rows);
	}

	/** The unfinished backfills of the revisions this step's revision descends from. */
	private List<BackfillStatus> waitingFor(PlanStep step, Map<String, List<BackfillStatus>> unfinished) {
		if (unfinished.isEmpty()) {
			return List.of();
		}
		Set<String> ancestors = new LinkedHashSet<>(this.context.graph().ancestorsOf(List.of(step.revision().id())));
		ancestors.remove(step.revision().id());
		return unfinished.entrySet()
			.stream()
			.filter((entry) -> ancestors.contains(entry.getKey()))
			.flatMap((entry) -> entry.getValue().stream())
			.toList();
	}

	private Set<String> runStretch(Session session, Plan plan, List<PlanStep> stretch, Set<String> rows,
			List<StepResult> steps) throws SQLException {
		if (stretch.isEmpty()) {
			return rows;
		}
		Set<String> after = new LinkedHashSet<>(rows);
		stretch.forEach((s) -> {
			after.removeAll(s.deleteRows());
			after.addAll(s.insertRows());
		});
		steps.addAll(run(session, new Plan(plan.direction(), List.copyOf(stretch), rows, after)).steps());
		stretch.clear();
		return after;
	}

	private static void logWaiting(PlanStep step, List<BackfillStatus> waitingFor) {
		String backfills = waitingFor.stream()
			.map((status) -> status.name() + " (" + status.state().label()
					+ status.percent()
						.stream()
						.mapToObj((p) -> String.format(Locale.ROOT, ", %.0f%%", p))
						.findFirst()
						.orElse("")
					+ ", declared by " + status.revision() + ")")
			.collect(Collectors.joining(", "));
		logger.warn("Stopping before revision {}: it descends from a revision whose backfill is not done: {}. "
				+ "Run the backfill (migrator.job.command=backfill, or resume it if paused), then upgrade again.",
				step.revision().id(), backfills);
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

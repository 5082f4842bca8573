package dev.migrator.core.command;

import dev.migrator.core.backfill.BackfillState;
import dev.migrator.core.backfill.BackfillStatus;
import dev.migrator.core.error.ErrorCode;
import dev.migrator.core.error.MigratorException;
import dev.migrator.core.fleet.FleetFailedException;
import dev.migrator.core.fleet.FleetReads;
import dev.migrator.core.fleet.FleetResult;
import dev.migrator.core.fleet.FleetRun;
import dev.migrator.core.fleet.FleetSettings;
import dev.migrator.core.fleet.FleetTarget;
import dev.migrator.core.fleet.RunTable;
import dev.migrator.core.fleet.TargetList;
import dev.migrator.core.fleet.TargetOutcome;
import dev.migrator.core.fleet.TargetReading;
import dev.migrator.core.fleet.TargetSchema;
import dev.migrator.core.fleet.TargetWork;
import dev.migrator.core.dialect.Dialects;
import dev.migrator.core.script.PhaseFilter;
import dev.migrator.core.script.Revision;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The commands of a {@code Migrator} on every target of its fleet (one schema or one
 * database per tenant): each target has its own version and history tables in its schema
 * (or its database) and runs the same revisions with its schema first on the search path
 * (or on its database). Writing commands roll out in waves within the error budget,
 * shared by every process that runs them through the run table; reading commands read
 * every target.
 */
public final class Fleet {

	private static final Logger logger = LoggerFactory.getLogger(Fleet.class);

	private final CommandContext context;

	private final FleetSettings settings;

	public Fleet(CommandContext context) {
		this.context = context;
		this.settings = context.config().fleet();
	}

	/** Whether a fleet is configured; without one, the commands have no targets. */
	public boolean configured() {
		return this.settings.configured();
	}

	/** The fleet's targets in rollout order, read and checked now. */
	public List<FleetTarget> targets() {
		return TargetList.read(this.settings.targets()
			.orElseThrow(() -> new MigratorException(ErrorCode.INVALID_CONFIGURATION,
					"No fleet is configured. Set migrator.fleet.schemas or migrator.fleet.databases "
							+ "(MigratorConfig.Builder.fleetSchemas, fleetDatabases) or provide a FleetTargets bean.")));
	}

	/**
	 * Upgrades every target to the target revision, in waves, within the error budget.
	 * Fails with {@link FleetFailedException} unless every target succeeded.
	 */
	public FleetResult upgrade(String target, PhaseFilter phases) {
		String key = "upgrade to " + target + " (phase " + phases.label() + ") with heads " + heads();
		return write(key, (t) -> {
			RunResult result = new UpgradeCommand(this.context.forTarget(t)).run(target, phases);
			if (result.isWaitingForBackfill()) {
				return TargetOutcome.failure("stopped short of " + target + ": it waits for the backfill(s) "
						+ result.waitingFor().stream().map((b) -> b.name()).collect(Collectors.joining(", ")));
			}
			return TargetOutcome.success(describe(result));
		});
	}

	/** Downgrades every target, like {@link #upgrade}. */
	public FleetResult downgrade(String target) {
		String key = "downgrade to " + target + " with heads " + heads();
		return write(key,
				(t) -> TargetOutcome.success(describe(new DowngradeCommand(this.context.forTarget(t)).run(target))));
	}

	/**
	 * Records every target at the target revision without running any revision, like
	 * {@link #upgrade}: in waves, within the error budget, shared through the run table.
	 */
	public FleetResult stamp(String target) {
		String key = "stamp " + target + " with heads " + heads();
		return write(key, (t) -> TargetOutcome
			.success("stamped " + rows(new StampCommand(this.context.forTarget(t)).run(target))));
	}

	/**
	 * Runs the backfills on every target (the one named, or every pending one), like
	 * {@link #upgrade}: in waves, within the error budget, shared through the run table
	 * under a key of its own, so that processes started together split the targets. A
	 * target fails when a backfill fails there, or when one is paused, failed or
	 * cancelled there and so did not run: the command is to leave every target's
	 * backfills done.
	 */
	public FleetResult backfill(Optional<String> name) {
		String key = "backfill " + name.orElse("(every pending)") + " with heads " + heads();
		return write(key, (t) -> {
			Backfills backfills = new Backfills(this.context.forTarget(t));
			List<BackfillStatus> statuses = name.map((n) -> List.of(backfills.run(n)))
				.orElseGet(backfills::runPending)
				.stream()
				.filter(BackfillStatus::revisionApplied)
				.toList();
			String detail = statuses.isEmpty() ? "no backfill of an applied revision"
					: statuses.stream()
						.map((s) -> s.name() + " " + s.state().label() + " (" + s.rowsDone() + " rows)")
						.collect(Collectors.joining(", "));
			boolean done = statuses.stream().allMatch((s) -> s.state() == BackfillState.DONE);
			return done ? TargetOutcome.success("backfill: " + detail) : TargetOutcome.failure("backfill not done: "
					+ detail + "; resume it on this target (backfill-resume), then run backfill again");
		});
	}

	/**
	 * Every target's backfills (the one named, or all) and how far each got. Reads only.
	 */
	public List<TargetReading<List<BackfillStatus>>> backfillStatus(Optional<String> name) {
		return read((t) -> {
			Backfills backfills = new Backfills(this.context.forTarget(t));
			return name.map((n) -> List.of(backfills.status(n))).orElseGet(backfills::status);
		});
	}

	/** Every target's version rows. Reads only. */
	public List<TargetReading<Set<String>>> current() {
		return read((t) -> new StatusCommand(this.context.forTarget(t)).current());
	}

	/**
	 * Every target against the code (fleet-status and check): pending, ahead or up to
	 * date. Reads only.
	 */
	public List<TargetReading<MigrationStatus>> status() {
		return read((t) -> new StatusCommand(this.context.forTarget(t)).status());
	}

	/**
	 * The latest fleet run as the run table holds it (every target's state, whichever
	 * process ran it); empty before the first run. Reads only the main database.
	 */
	public Optional<FleetResult> lastRun() {
		DataSource main = this.context.sessions().dataSource();
		RunTable table = runTable(main);
		try (Connection connection = DatabaseConnector.open(main)) {
			Optional<String> key = table.latestRun(connection);
			if (key.isEmpty()) {
				return Optional.empty();
			}
			return Optional
				.of(new FleetResult(key.get(), table.read(connection, key.get()), this.settings.maxFailures()));
		}
		catch (SQLException ex) {
			throw new MigratorException(ErrorCode.DATABASE_ERROR,
					"Could not read the fleet run table " + table.name() + ": " + ex.getMessage(), ex);
		}
	}

	private <T> List<TargetReading<T>> read(Function<FleetTarget, T> work) {
		List<FleetTarget> targets = targets();
		DataSource main = this.context.sessions().dataSource();
		return FleetReads.read(targets, this.settings.parallelism(), (t) -> {
			requireSchema(main, t);
			return work.apply(t);
		});
	}

	private FleetResult write(String key, TargetWork work) {
		List<FleetTarget> targets = targets();
		// Loaded before the first target, so that a broken revision file fails the
		// command once instead of every target.
		this.context.graph();
		if (targets.isEmpty()) {
			logger.info("Fleet: no targets ({}), nothing to do", this.settings.targets().get().description());
			return new FleetResult(key, List.of(), this.settings.maxFailures());
		}
		DataSource main = this.context.sessions().dataSource();
		FleetRun run = new FleetRun(main, runTable(main), this.settings);
		logger.info("Fleet: {} on {} targets, {} at a time, waves {}, error budget {}", key, targets.size(),
				this.settings.parallelism(), this.settings.waves(), this.settings.maxFailures());
		FleetResult result = run.run(key, targets, (t) -> {
			requireSchema(main, t);
			return work.run(t);
		});
		if (!result.succeeded()) {
			throw new FleetFailedException(result);
		}
		return result;
	}

	/**
	 * A schema target's schema must exist before anything runs on it; a database target
	 * fails on its own when it cannot be reached.
	 */
	private static void requireSchema(DataSource main, FleetTarget target) {
		if (target instanceof FleetTarget.Schema schema) {
			TargetSchema.requireExists(main, schema);
		}
	}

	private RunTable runTable(DataSource main) {
		try (Connection connection = DatabaseConnector.open(main)) {
			return new RunTable(Dialects.forConnection(connection), this.context.config().tables().schema(),
					this.context.config().fleetRunTable());
		}
		catch (SQLException ex) {
			throw DatabaseConnector.unreachable(main, ex);
		}
	}

	private String heads() {
		return this.context.graph()
			.heads()
			.stream()
			.map(Revision::id)
			.collect(Collectors.toCollection(TreeSet::new))
			.toString();
	}

	private static String describe(RunResult result) {
		if (result.isNoOp()) {
			return "nothing to do, at " + rows(result.after());
		}
		return result.direction().name().toLowerCase(java.util.Locale.ROOT) + " " + result.steps().size()
				+ " revision(s): " + rows(result.before()) + " -> " + rows(result.after());
	}

	private static String rows(Set<String> rows) {
		return rows.isEmpty() ? "base" : String.join(", ", new TreeSet<>(rows));
	}

}

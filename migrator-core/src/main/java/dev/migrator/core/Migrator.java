package dev.migrator.core;

import dev.migrator.core.command.CheckFailedException;
import dev.migrator.core.command.ChecksumMismatch;
import dev.migrator.core.command.ChecksumMismatchException;
import dev.migrator.core.command.MigrationStatus;
import dev.migrator.core.command.RunResult;
import dev.migrator.core.compat.BlockedContract;
import dev.migrator.core.compat.ClientRegistry;
import dev.migrator.core.compat.ContractBlockedException;
import dev.migrator.core.compat.ContractGuard;
import dev.migrator.core.config.ChecksumPolicy;
import dev.migrator.core.config.MigratorConfig;
import dev.migrator.core.dialect.Dialect;
import dev.migrator.core.dialect.Dialects;
import dev.migrator.core.dialect.RunLock;
import dev.migrator.core.error.MigratorException;
import dev.migrator.core.script.LagLimits;
import dev.migrator.core.replica.LagThrottle;
import dev.migrator.core.replica.ReplicaLag;
import dev.migrator.core.replica.ReplicaLagGate;
import dev.migrator.core.replica.ReplicaLagMonitor;
import dev.migrator.core.lint.LintFailedException;
import dev.migrator.core.lint.LintReport;
import dev.migrator.core.lint.JavaRevisionStatements;
import dev.migrator.core.lint.Linter;
import dev.migrator.core.lint.SqlRevisionStatements;
import dev.migrator.core.lint.StatementSource;
import dev.migrator.core.runtime.HistoryEntry;
import dev.migrator.core.runtime.HistoryEntry.Action;
import dev.migrator.core.runtime.HistoryEntry.Outcome;
import dev.migrator.core.runtime.HistoryTable;
import dev.migrator.core.runtime.MigrationRunner;
import dev.migrator.core.runtime.OfflineScript;
import dev.migrator.core.runtime.StepGate;
import dev.migrator.core.runtime.StepResult;
import dev.migrator.core.runtime.VersionTable;
import dev.migrator.core.script.CompositeRevisionSource;
import dev.migrator.core.script.Direction;
import dev.migrator.core.script.JavaRevisionSource;
import dev.migrator.core.script.Phase;
import dev.migrator.core.script.PhaseFilter;
import dev.migrator.core.script.PhasedPlan;
import dev.migrator.core.script.Plan;
import dev.migrator.core.script.PlanStep;
import dev.migrator.core.script.Planner;
import dev.migrator.core.script.Revision;
import dev.migrator.core.script.RevisionGraph;
import dev.migrator.core.script.RevisionHistory;
import dev.migrator.core.script.RevisionSource;
import dev.migrator.core.script.SqlFileRevisionSource;
import dev.migrator.core.script.Target;
import dev.migrator.core.script.TargetResolver;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine's facade: one method per command. Revisions are loaded and validated once,
 * before anything touches the database; every writing command holds the run lock for its
 * whole duration.
 */
public final class Migrator {

	private static final Logger logger = LoggerFactory.getLogger(Migrator.class);

	private static final int STATUS_HISTORY_ENTRIES = 20;

	/**
	 * Stands for the dialect's name ({@code postgresql}, {@code sqlite}) in a location.
	 */
	public static final String DIALECT_PLACEHOLDER = "{dialect}";

	private final MigratorConfig config;

	private volatile RevisionGraph graph;

	private final ReplicaLagMonitor replicaLagMonitor;

	private Migrator(MigratorConfig config) {
		this.config = config;
		this.replicaLagMonitor = new ReplicaLagMonitor(config.dataSource(), config.replicaSettings().replicas());
	}

	public static Migrator create(MigratorConfig config) {
		return new Migrator(config);
	}

	public MigratorConfig config() {
		return this.config;
	}

	/** The validated revision graph, loaded on first use. */
	public RevisionGraph graph() {
		RevisionGraph loaded = this.graph;
		if (loaded == null) {
			synchronized (this) {
				loaded = this.graph;
				if (loaded == null) {
					loaded = RevisionGraph.of(source().load());
					this.graph = loaded;
				}
			}
		}
		return loaded;
	}

	/** Applies what the target needs, each revision in its own transaction. */
	public RunResult upgrade(String target) {
		return upgrade(target, PhaseFilter.ALL);
	}

	/**
	 * Applies what the target needs that the phase filter lets through: with
	 * {@link PhaseFilter#EXPAND}, contract revisions and every revision that needs one
	 * stay pending. A contract revision refuses to run while live application instances
	 * predate it (see {@link ContractGuard}), unless the configuration allows it.
	 */
	public RunResult upgrade(String target, PhaseFilter phases) {
		Target.parse(target);
		Objects.requireNonNull(phases, "phases");
		Planner planner = new Planner(graph());
		return write((connection, dialect) -> {
			Set<String> rows = versionTable(dialect).read(connection);
			PhasedPlan phased = planner.upgrade(rows, target, phases);
			Plan plan = phased.plan();
			verifyChecksums(connection, dialect, planner.applied(rows));
			List<String> heldBack = phased.heldBack().stream().map(Revision::id).toList();
			if (!heldBack.isEmpty()) {
				logger.info("Phase {}: holding back {} revision(s) for the contract phase: {}", phases.label(),
						heldBack.size(), describeHeldBack(phased.heldBack()));
			}
			guardContracts(connection, dialect, plan);
			RunResult result = this.config.backfillSettings().runOnUpgrade()
					? runWithBackfills(connection, dialect, plan) : run(connection, dialect, plan);
			return new RunResult(result.direction(), result.steps(), result.before(), result.after(), heldBack);
		});
	}

	/**
	 * The pending contract revisions that live application instances block, each with
	 * those instances: what an upgrade would refuse now. Reads only; empty when no
	 * instance has registered.
	 */
	public List<BlockedContract> blockedContracts() {
		Planner planner = new Planner(graph());
		return read((connection, dialect) -> {
			Set<String> rows = versionTable(dialect).read(connection);
			if (rows.stream().anyMatch((id) -> graph().find(id).isEmpty())) {
				return List.of();
			}
			List<Revision> contracts = planner.pending(rows)
				.stream()
				.filter((r) -> r.phase() == Phase.CONTRACT)
				.toList();
			if (contracts.isEmpty()) {
				return List.of();
			}
			return new ContractGuard(graph()).blocked(contracts, clientRegistry().liveClients(connection, dialect));
		});
	}

	/**
	 * Refuses the plan's contract revisions while live instances predate them, unless the
	 * override is set.
	 */
	private void guardContracts(Connection connection, Dialect dialect, Plan plan) throws SQLException {
		boolean contracts = plan.revisions().stream().anyMatch((r) -> r.phase() == Phase.CONTRACT);
		if (plan.direction() != Direction.UPGRADE || !contracts) {
			return;
		}
		ClientRegistry registry = clientRegistry();
		List<BlockedContract> blocked = new ContractGuard(graph()).blocked(plan.revisions(),
				registry.liveClients(connection, dialect));
		if (blocked.isEmpty()) {
			return;
		}
		if (this.config.compatibility().allowContractWithLiveClients()) {
			logger.warn(
					"Running contract revision(s) while live instances predate them, as allowed by "
							+ "allow-contract-with-live-clients:\n{}",
					ContractBlockedException.describe(blocked, registry.now()).strip());
			return;
		}
		throw new ContractBlockedException(blocked, this.config.compatibility().liveWindow(), registry.now());
	}

	/** The registry of running application instances on this configuration's database. */
	public ClientRegistry clientRegistry() {
		DataSource dataSource = this.config.dataSource()
			.orElseThrow(() -> new MigratorException("no-data-source",
					"The client registry needs a database, but no DataSource is configured."));
		return new ClientRegistry(dataSource, this.config.tables(), this.config.compatibility());
	}

	private static String describeHeldBack(List<Revision> revisions) {
		return revisions.stream()
			.map((r) -> r.id() + " (" + r.phase().label() + ")")
			.collect(java.util.stream.Collectors.joining(", "));
	}

	/** The backfill commands: run, pause, resume, cancel, status. */
	public Backfills backfills() {
		return new Backfills(this);
	}

	/**
	 * How far each replica trails the primary now, as the primary reports its standbys
	 * and as each configured replica reports itself; empty without replicas (and on
	 * SQLite).
	 */
	public List<ReplicaLag> replicaLag() {
		return this.replicaLagMonitor.measure();
	}

	/** Undoes the applied revisions above the target, children first. */
	public RunResult downgrade(String target) {
		Target.parse(target);
		Planner planner = new Planner(graph());
		return write((connection, dialect) -> {
			Set<String> rows = versionTable(dialect).read(connection);
			Plan plan = planner.downgrade(rows, target);
			verifyChecksums(connection, dialect, planner.applied(rows));
			return run(connection, dialect, plan);
		});
	}

	/** Rewrites the version rows to say the target is applied, running no revision. */
	public Set<String> stamp(String target) {
		Target.parse(target);
		Planner planner = new Planner(graph());
		return write((connection, dialect) -> {
			VersionTable versions = versionTable(dialect);
			Set<String> before = versions.read(connection);
			Set<String> after = planner.stamp(before, target);
			Instant now = Instant.now();
			connection.setAutoCommit(false);
			try {
				versions.replace(connection, after);
				HistoryTable history = historyTable(dialect);
				for (String row : after.isEmpty() ? Set.of("base") : after) {
					String checksum = graph().find(row).map(Revision::checksum).orElse("");
					history.append(connection, row, Action.STAMP, checksum, now, Instant.now(), Outcome.SUCCESS,
							Optional.empty(), runBy());
				}
				connection.commit();
			}
			catch (SQLException | RuntimeException ex) {
				connection.rollback();
				throw ex;
			}
			finally {
				connection.setAutoCommit(true);
			}
			logger.info("Stamped {} (was {})", describe(after), describe(before));
			return after;
		});
	}

	/** The database's version rows; empty at base. Reads only. */
	public Set<String> current() {
		return read((connection, dialect) -> versionTable(dialect).read(connection));
	}

	/** The heads of the code's revision graph. No database needed. */
	public List<Revision> heads() {
		return graph().heads();
	}

	/**
	 * Revisions in topological order, optionally within a range {@code from:to} whose
	 * ends are targets ({@code current} reads the database).
	 */
	public List<Revision> history(String range) {
		RevisionHistory history = new RevisionHistory(graph());
		if (java.util.Arrays.stream(range.split(":", -1)).map(String::trim).anyMatch("current"::equals)) {
			Set<String> rows = current();
			new Planner(graph()).applied(rows);
			return history.range(range, rows);
		}
		return history.range(range, Set.of());
	}

	/**
	 * Revisions an upgrade to heads would apply, in order; none when the database is
	 * ahead of this code (see {@link #status()}). Reads only.
	 */
	public List<Revision> pending() {
		return status().pending();
	}

	/**
	 * Where the database stands against the code. Reads only. A database at revisions
	 * this code does not know is reported, not refused: during a rolling deploy the old
	 * version keeps running against a schema the new version has already expanded, and
	 * its readiness must not fail for that.
	 */
	public MigrationStatus status() {
		Planner planner = new Planner(graph());
		return read((connection, dialect) -> {
			Set<String> rows = versionTable(dialect).read(connection);
			Set<String> unknown = new java.util.TreeSet<>(rows);
			unknown.removeIf((id) -> graph().find(id).isPresent());
			Set<String> known = new java.util.LinkedHashSet<>(rows);
			known.removeAll(unknown);
			List<Revision> pending = unknown.isEmpty() ? planner.pending(rows) : List.of();
			List<ChecksumMismatch> mismatches = checksumMismatches(connection, dialect, planner.applied(known));
			List<HistoryEntry> recent = historyTable(dialect).latest(connection, STATUS_HISTORY_ENTRIES);
			return new MigrationStatus(rows, graph().heads(), pending, mismatches, recent, unknown);
		});
	}

	/**
	 * Fails when revisions are pending or an applied revision was edited (the latter only
	 * under FAIL policy).
	 */
	public MigrationStatus check() {
		MigrationStatus status = status();
		boolean edited = !status.checksumMismatches().isEmpty() && this.config.checksumPolicy() == ChecksumPolicy.FAIL;
		if (!status.pending().isEmpty() || edited || status.isAheadOfCode()) {
			throw new CheckFailedException(status);
		}
		if (!status.checksumMismatches().isEmpty()) {
			logger.warn(ChecksumMismatchException.message(status.checksumMismatches()));
		}
		return status;
	}

	/**
	 * The script that moving from {@code from} to {@code to} would run, generated without
	 * a database connection. Both ends are targets; {@code to} below {@code from} gives a
	 * downgrade script.
	 */
	public String sql(String from, String to) {
		Target.parse(from);
		Target.parse(to);
		Planner planner = new Planner(graph());
		Set<String> fromRows = planner.stamp(Set.of(), from);
		Set<String> applied = planner.applied(fromRows);
		Set<String> destinations = new TargetResolver(graph()).resolve(to, fromRows);
		boolean down = applied.containsAll(destinations) && !planner.stamp(fromRows, to).equals(fromRows);
		Plan plan = down ? planner.downgrade(fromRows, to) : planner.upgrade(fromRows, to);
		return new OfflineScript(offlineDialect(), this.config.tables(), this.config.settings(),
				this.config.namingConvention())
			.render(plan, from, to);
	}

	/**
	 * Lints every revision for statements that would block reads or writes for long or
	 * break the running application. No database is needed: the dialect is the configured
	 * one, else the DataSource's, else PostgreSQL.
	 */
	public LintReport lint() {
		String dialect = lintDialect();
		// SQL revisions as written; Java migrations as the statements their operations
		// render to.
		StatementSource statements = new SqlRevisionStatements()
			.orElse(new JavaRevisionStatements(Dialects.byName(dialect), this.config.namingConvention()));
		return new Linter(dialect, statements).lint(graph());
	}

	/**
	 * {@link #lint()}, failing with {@link LintFailedException} (code
	 * {@code lint-failed}) on any finding.
	 */
	public LintReport lintOrFail() {
		LintReport report = lint();
		if (report.hasFindings()) {
			throw new LintFailedException(report);
		}
		return report;
	}

	/**
	 * The dialect whose semantics the linter applies; a database that cannot be reached
	 * does not stop a lint.
	 */
	private String lintDialect() {
		if (this.config.dialect().isPresent()) {
			return Dialects.byName(this.config.dialect().get()).name();
		}
		if (this.config.dataSource().isPresent()) {
			try (Connection connection = this.config.dataSource().get().getConnection()) {
				return Dialects.forConnection(connection).name();
			}
			catch (SQLException ex) {
				logger.warn("Linting with PostgreSQL's rules: the dialect could not be read from the database ({}). "
						+ "Set the dialect to lint for another database.", ex.getMessage());
			}
		}
		return "postgresql";
	}

	private RunResult run(Connection connection, Dialect dialect, Plan plan) throws SQLException {
		if (plan.isEmpty()) {
			logger.info("Nothing to {}: the database is at {}", plan.direction().label(), describe(plan.rowsBefore()));
			return new RunResult(plan.direction(), List.of(), plan.rowsBefore(), plan.rowsAfter());
		}
		logger.info("{} {} revision(s) from {}", plan.direction() == Direction.UPGRADE ? "Upgrading" : "Downgrading",
				plan.steps().size(), describe(plan.rowsBefore()));
		MigrationRunner runner = new MigrationRunner(dialect, versionTable(dialect), historyTable(dialect),
				this.config.settings(), this.config.listeners(), runBy(), this.config.namingConvention(),
				this.config.lockRetry());
		List<StepResult> steps = runner.run(connection, plan, stepGate(dialect));
		return new RunResult(plan.direction(), steps, plan.rowsBefore(), plan.rowsAfter());
	}

	/**
	 * With lag limits set on PostgreSQL, a chain of revisions waits before each one while
	 * a replica is behind, as a backfill does between batches: long DDL writes WAL that
	 * replicas must replay too.
	 */
	private StepGate stepGate(Dialect dialect) {
		LagLimits limits = this.config.replicaSettings().limits();
		if (limits.isNone() || !"postgresql".equals(dialect.name())) {
			return StepGate.OPEN;
		}
		return new ReplicaLagGate(new LagThrottle(limits, this.replicaLagMonitor::measure),
				this.config.replicaSettings().pollInterval());
	}

	/**
	 * Runs the plan in stretches, each ending at a revision that declares backfills,
	 * which run right after it.
	 */
	private RunResult runWithBackfills(Connection connection, Dialect dialect, Plan plan) throws SQLException {
		// Backfills of revisions applied before, left unfinished by a run that stopped,
		// go first: the revisions
		// about to be applied come later in the graph and may rely on them.
		backfills().runPending();
		if (plan.steps().stream().allMatch((step) -> step.revision().backfills().isEmpty())) {
			return run(connection, dialect, plan);
		}
		List<StepResult> steps = new ArrayList<>();
		Set<String> rows = new java.util.LinkedHashSet<>(plan.rowsBefore());
		List<PlanStep> stretch = new ArrayList<>();
		for (int i = 0; i < plan.steps().size(); i++) {
			PlanStep step = plan.steps().get(i);
			stretch.add(step);
			boolean last = i == plan.steps().size() - 1;
			if (!step.revision().backfills().isEmpty() || last) {
				Set<String> after = new java.util.LinkedHashSet<>(rows);
				stretch.forEach((s) -> {
					after.removeAll(s.deleteRows());
					after.addAll(s.insertRows());
				});
				steps.addAll(run(connection, dialect, new Plan(plan.direction(), stretch, rows, after)).steps());
				backfills().runDeclaredBy(step.revision());
				rows = after;
				stretch.clear();
			}
		}
		return new RunResult(plan.direction(), steps, plan.rowsBefore(), plan.rowsAfter());
	}

	private void verifyChecksums(Connection connection, Dialect dialect, Set<String> applied) throws SQLException {
		List<ChecksumMismatch> mismatches = checksumMismatches(connection, dialect, applied);
		if (mismatches.isEmpty()) {
			return;
		}
		if (this.config.checksumPolicy() == ChecksumPolicy.FAIL) {
			throw new ChecksumMismatchException(mismatches);
		}
		logger.warn(ChecksumMismatchException.message(mismatches));
	}

	private List<ChecksumMismatch> checksumMismatches(Connection connection, Dialect dialect, Set<String> applied)
			throws SQLException {
		Map<String, String> recorded = historyTable(dialect).appliedChecksums(connection);
		List<ChecksumMismatch> mismatches = new ArrayList<>();
		for (Revision revision : graph().inOrder(applied)) {
			String was = recorded.get(revision.id());
			if (was != null && !was.isEmpty() && !was.equals(revision.checksum())) {
				mismatches
					.add(new ChecksumMismatch(revision.id(), revision.origin().location(), was, revision.checksum()));
			}
		}
		return mismatches;
	}

	private <T> T write(DatabaseWork<T> work) {
		DataSource dataSource = requireDataSource();
		try (Connection connection = dataSource.getConnection()) {
			connection.setAutoCommit(true);
			Dialect dialect = Dialects.forConnection(connection);
			try (RunLock lock = dialect.acquireRunLock(connection, this.config.tables().lockName(),
					this.config.lockWait())) {
				try (Statement statement = connection.createStatement()) {
					for (String ddl : dialect.createStateTables(this.config.tables().schema(),
							this.config.tables().versionTable(), this.config.tables().historyTable())) {
						statement.execute(ddl);
					}
				}
				return work.run(connection, dialect);
			}
		}
		catch (SQLException ex) {
			throw new MigratorException("database-error",
					"The database refused an operation of the migrator itself: " + ex.getMessage()
							+ ". Check the connection and that the user may create and write the state tables "
							+ this.config.tables().versionTable() + " and " + this.config.tables().historyTable() + ".",
					ex);
		}
	}

	private <T> T read(DatabaseWork<T> work) {
		DataSource dataSource = requireDataSource();
		try (Connection connection = dataSource.getConnection()) {
			return work.run(connection, Dialects.forConnection(connection));
		}
		catch (SQLException ex) {
			throw new MigratorException("database-error",
					"Could not read the migration state: " + ex.getMessage()
							+ ". Check the connection settings and that the user may read "
							+ this.config.tables().versionTable() + ".",
					ex);
		}
	}

	private DataSource requireDataSource() {
		return this.config.dataSource()
			.orElseThrow(() -> new MigratorException("no-data-source",
					"This command needs a database, but no DataSource is configured. Configure one, or use sql(from, to) for an offline script."));
	}

	private Dialect offlineDialect() {
		if (this.config.dialect().isPresent()) {
			return Dialects.byName(this.config.dialect().get());
		}
		if (this.config.dataSource().isPresent()) {
			try (Connection connection = this.config.dataSource().get().getConnection()) {
				return Dialects.forConnection(connection);
			}
			catch (SQLException ex) {
				throw new MigratorException("no-dialect",
						"The dialect (needed for offline SQL and for a {dialect} location) could not be read from the database ("
								+ ex.getMessage() + "). Set the dialect (postgresql or sqlite).",
						ex);
			}
		}
		throw new MigratorException("no-dialect",
				"Offline SQL and {dialect} locations need a dialect: set it to one of " + Dialects.supportedNames()
						+ ".");
	}

	private RevisionSource source() {
		List<RevisionSource> sources = new ArrayList<>();
		if (!this.config.locations().isEmpty()) {
			sources.add(new SqlFileRevisionSource(resolvedLocations(), this.config.classLoader()));
		}
		if (!this.config.javaMigrations().isEmpty() || !this.config.javaPackages().isEmpty()) {
			sources.add(new JavaRevisionSource(this.config.javaMigrations(), this.config.javaPackages(),
					this.config.classLoader()));
		}
		sources.addAll(this.config.extraSources());
		return new CompositeRevisionSource(sources);
	}

	/**
	 * The locations with {@value #DIALECT_PLACEHOLDER} replaced by the dialect's name, so
	 * that one application can ship revisions for each database it supports; the database
	 * is asked only for its product name.
	 */
	private List<String> resolvedLocations() {
		if (this.config.locations().stream().noneMatch((l) -> l.contains(DIALECT_PLACEHOLDER))) {
			return this.config.locations();
		}
		String name = offlineDialect().name();
		return this.config.locations().stream().map((l) -> l.replace(DIALECT_PLACEHOLDER, name)).toList();
	}

	private VersionTable versionTable(Dialect dialect) {
		return new VersionTable(dialect, this.config.tables());
	}

	private HistoryTable historyTable(Dialect dialect) {
		return new HistoryTable(dialect, this.config.tables());
	}

	private static String runBy() {
		String host = Optional.ofNullable(System.getenv("HOSTNAME")).filter((h) -> !h.isBlank()).orElse("localhost");
		return System.getProperty("user.name", "unknown") + "@" + host;
	}

	private static String describe(Set<String> rows) {
		return rows.isEmpty() ? "base" : String.join(", ", new java.util.TreeSet<>(rows));
	}

	/** Work done on one connection with its dialect. */
	@FunctionalInterface
	private interface DatabaseWork<T> {

		T run(Connection connection, Dialect dialect) throws SQLException;

	}

}

package dev.migrator.core;

import java.util.List;
import java.util.Set;

import dev.migrator.core.command.AppliedRevision;
import dev.migrator.core.command.AppliedRepeatable;
import dev.migrator.core.command.Backfills;
import dev.migrator.core.command.BlockedContractsCommand;
import dev.migrator.core.command.CheckFailedException;
import dev.migrator.core.command.CommandContext;
import dev.migrator.core.command.DowngradeCommand;
import dev.migrator.core.command.DriftCommand;
import dev.migrator.core.command.DriftResult;
import dev.migrator.core.command.Fleet;
import dev.migrator.core.command.BaselineCommand;
import dev.migrator.core.command.BaselineRequest;
import dev.migrator.core.command.BaselineResult;
import dev.migrator.core.command.FlywayImportCommand;
import dev.migrator.core.command.FlywayImportRequest;
import dev.migrator.core.command.FlywayImportResult;
import dev.migrator.core.command.HistoryCommand;
import dev.migrator.core.command.LintCommand;
import dev.migrator.core.command.MigrationStatus;
import dev.migrator.core.command.RepairCommand;
import dev.migrator.core.command.RepairResult;
import dev.migrator.core.command.Resolution;
import dev.migrator.core.command.ResolveCommand;
import dev.migrator.core.command.RunResult;
import dev.migrator.core.command.SchemaComparison;
import dev.migrator.core.command.SchemaDriftException;
import dev.migrator.core.command.SqlCommand;
import dev.migrator.core.command.StampCommand;
import dev.migrator.core.command.StatusCommand;
import dev.migrator.core.command.UpgradeCommand;
import dev.migrator.core.compat.BlockedContract;
import dev.migrator.core.compat.ClientRegistry;
import dev.migrator.core.compat.ContractGuard;
import dev.migrator.core.config.MigratorConfig;
import dev.migrator.core.lint.LintFailedException;
import dev.migrator.core.lint.LintReport;
import dev.migrator.core.replica.ReplicaLag;
import dev.migrator.core.script.PhaseFilter;
import dev.migrator.core.script.Revision;
import dev.migrator.core.script.RevisionGraph;

/**
 * The engine's facade: one method per command, each handing its work to the command class
 * of that verb. Revisions are loaded and validated once, before anything touches the
 * database; every writing command holds the run lock for its whole duration.
 */
public final class Migrator {

	/**
	 * Stands for the dialect's name ({@code postgresql}, {@code sqlite}) in a location.
	 */
	public static final String DIALECT_PLACEHOLDER = MigratorConfig.DIALECT_PLACEHOLDER;

	private final CommandContext context;

	private Migrator(MigratorConfig config) {
		this.context = new CommandContext(config);
	}

	public static Migrator create(MigratorConfig config) {
		return new Migrator(config);
	}

	public MigratorConfig config() {
		return this.context.config();
	}

	/** The validated revision graph, loaded on first use. */
	public RevisionGraph graph() {
		return this.context.graph();
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
		return new UpgradeCommand(this.context).run(target, phases);
	}

	/** Undoes the applied revisions above the target, children first. */
	public RunResult downgrade(String target) {
		return new DowngradeCommand(this.context).run(target);
	}

	/**
	 * Settles a statement an interrupted run left with an unknown outcome: done (the next
	 * run continues after it) or rerun (the next run runs it again).
	 */
	public List<String> resolve(Resolution resolution) {
		return new ResolveCommand(this.context).run(resolution);
	}

	/**
	 * Records what an operator fixed by hand: the checksum of an applied revision edited
	 * on purpose, and the forgetting of a step a run left part-way (once the database is
	 * as it was before that step). Each repair writes a history row saying who, when and
	 * what; no revision's SQL runs.
	 * @param revisions the revisions to repair; none for every one that needs it
	 */
	public RepairResult repair(List<String> revisions) {
		return new RepairCommand(this.context).run(revisions);
	}

	/**
	 * Turns a Flyway project and its history into revision files and records the database
	 * at the last migration Flyway applied, running none of their SQL. Refuses, writing
	 * and recording nothing, when a file was edited since Flyway applied it, a migration
	 * failed or is a Java one, or a file in the output is in the way. Running it again
	 * changes nothing.
	 */
	public FlywayImportResult importFlyway(FlywayImportRequest request) {
		return new FlywayImportCommand(this.context).run(request);
	}

	/**
	 * Writes one revision whose upgrade recreates the live schema (tables, types,
	 * sequences, functions, views, indexes, triggers, read from the catalog) and records
	 * the database at it, running none of it: a database made by another tool or by hand
	 * comes under migrator. Refuses, writing and recording nothing, when migrator already
	 * records the database elsewhere or the file is in the way; a database already
	 * recorded at the baseline is left as it is.
	 */
	public BaselineResult baseline(BaselineRequest request) {
		return new BaselineCommand(this.context).run(request);
	}

	/** Rewrites the version rows to say the target is applied, running no revision. */
	public Set<String> stamp(String target) {
		return new StampCommand(this.context).run(target);
	}

	/** The database's version rows; empty at base. Reads only. */
	public Set<String> current() {
		return new StatusCommand(this.context).current();
	}

	/**
	 * The repeatable revisions the database has run, and whether each changed since.
	 * Reads only.
	 */
	public List<AppliedRepeatable> appliedRepeatables() {
		return new StatusCommand(this.context).appliedRepeatables();
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
		return new HistoryCommand(this.context).run(range);
	}

	/**
	 * Revisions an upgrade to heads would apply, in order; none when the database is
	 * ahead of this code (see {@link #status()}). Reads only.
	 */
	public List<Revision> pending() {
		return status().pending();
	}

	/** Where the database stands against the code. Reads only. */
	public MigrationStatus status() {
		return new StatusCommand(this.context).status();
	}

	/**
	 * Every applied revision, parents first, with when, by whom and how long it was
	 * installed (what Flyway's {@code info} lists).
	 */
	public List<AppliedRevision> applied() {
		return new StatusCommand(this.context).applied();
	}

	/**
	 * Fails with {@link CheckFailedException} when revisions are pending, the database is
	 * ahead of the code or an applied revision was edited (the last only under the FAIL
	 * checksum policy).
	 */
	public MigrationStatus check() {
		return new StatusCommand(this.context).check();
	}

	/**
	 * Compares the live schema with the schema the database's applied revisions produce:
	 * those revisions are run, up to exactly the database's version rows, in a scratch
	 * place (a scratch schema of the live PostgreSQL database, first on the search path;
	 * a temporary SQLite database file) that is removed afterwards, whatever happens.
	 * Only reads the live database. The comparison reads both schemas; the authoring
	 * layer's {@code dev.migrator.core.authoring.SchemaDrift} is the one that uses the
	 * autogenerate reflector.
	 */
	public DriftResult drift(SchemaComparison comparison) {
		return new DriftCommand(this.context).run(comparison);
	}

	/**
	 * {@link #drift(SchemaComparison)}, failing with {@link SchemaDriftException} (code
	 * {@code schema-drift}) when the schemas differ.
	 */
	public DriftResult driftOrFail(SchemaComparison comparison) {
		DriftResult result = drift(comparison);
		if (result.drifted()) {
			throw new SchemaDriftException(result);
		}
		return result;
	}

	/**
	 * The script that moving from {@code from} to {@code to} would run, generated without
	 * a database connection. Both ends are targets; {@code to} below {@code from} gives a
	 * downgrade script.
	 */
	public String sql(String from, String to) {
		return new SqlCommand(this.context).run(from, to);
	}

	/**
	 * Lints every revision for statements that would block reads or writes for long or
	 * break the running application. No database is needed.
	 */
	public LintReport lint() {
		return new LintCommand(this.context).run();
	}

	/**
	 * {@link #lint()}, failing with {@link LintFailedException} (code
	 * {@code lint-failed}) on any finding.
	 */
	public LintReport lintOrFail() {
		return new LintCommand(this.context).runOrFail();
	}

	/**
	 * The pending contract revisions that live application instances block, each with
	 * those instances: what an upgrade would refuse now. Reads only.
	 */
	public List<BlockedContract> blockedContracts() {
		return new BlockedContractsCommand(this.context).run();
	}

	/** The registry of running application instances on this configuration's database. */
	public ClientRegistry clientRegistry() {
		return new ClientRegistry(this.context.sessions().dataSource(), config().tables(), config().compatibility());
	}

	/**
	 * The commands on every target of the configured fleet (one schema or one database
	 * per tenant): upgrade, downgrade, stamp and backfill in waves within the error
	 * budget, shared by every process that runs them; current, status and backfill status
	 * read every target.
	 */
	public Fleet fleet() {
		return new Fleet(this.context);
	}

	/** The backfill commands: run, pause, resume, cancel, status. */
	public Backfills backfills() {
		return new Backfills(this.context);
	}

	/**
	 * How far each replica trails the primary now, as the primary reports its standbys
	 * and as each configured replica reports itself; empty without replicas (and on
	 * SQLite).
	 */
	public List<ReplicaLag> replicaLag() {
		return this.context.replicaLagMonitor().measure();
	}

}

package dev.migrator.core;

import dev.migrator.core.dialect.Dialect;
import dev.migrator.core.dialect.Dialects;
import dev.migrator.core.dialect.RunLock;
import dev.migrator.core.runtime.HistoryEntry;
import dev.migrator.core.runtime.HistoryEntry.Action;
import dev.migrator.core.runtime.HistoryEntry.Outcome;
import dev.migrator.core.runtime.HistoryTable;
import dev.migrator.core.runtime.MigrationRunner;
import dev.migrator.core.runtime.OfflineScript;
import dev.migrator.core.runtime.StepResult;
import dev.migrator.core.runtime.VersionTable;
import dev.migrator.core.script.CompositeRevisionSource;
import dev.migrator.core.script.Direction;
import dev.migrator.core.script.JavaRevisionSource;
import dev.migrator.core.script.Plan;
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
import java.util.Optional;
import java.util.Set;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine's facade: one method per command. Revisions are loaded and validated once, before anything touches the
 * database; every writing command holds the run lock for its whole duration.
 */
public final class Migrator {

	private static final Logger logger = LoggerFactory.getLogger(Migrator.class);

	private static final int STATUS_HISTORY_ENTRIES = 20;

	/** Stands for the dialect's name ({@code postgresql}, {@code sqlite}) in a location. */
	public static final String DIALECT_PLACEHOLDER = "{dialect}";

	private final MigratorConfig config;

	private volatile RevisionGraph graph;

	private Migrator(MigratorConfig config) {
		this.config = config;
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
		Target.parse(target);
		Planner planner = new Planner(graph());
		return write((connection, dialect) -> {
			Set<String> rows = versionTable(dialect).read(connection);
			Plan plan = planner.upgrade(rows, target);
			verifyChecksums(connection, dialect, planner.applied(rows));
			return run(connection, dialect, plan);
		});
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
	 * Revisions in topological order, optionally within a range {@code from:to} whose ends are targets ({@code current}
	 * reads the database).
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
	 * Revisions an upgrade to heads would apply, in order; none when the database is ahead of this code (see
	 * {@link #status()}). Reads only.
	 */
	public List<Revision> pending() {
		return status().pending();
	}

	/**
	 * Where the database stands against the code. Reads only. A database at revisions this code does not know is
	 * reported, not refused: during a rolling deploy the old version keeps running against a schema the new version
	 * has already expanded, and its readiness must not fail for that.
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

	/** Fails when revisions are pending or an applied revision was edited (the latter only under FAIL policy). */
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
	 * The script that moving from {@code from} to {@code to} would run, generated without a database connection.
	 * Both ends are targets; {@code to} below {@code from} gives a downgrade script.
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
				this.config.namingConvention()).render(plan, from, to);
	}

	private RunResult run(Connection connection, Dialect dialect, Plan plan) throws SQLException {
		if (plan.isEmpty()) {
			logger.info("Nothing to {}: the database is at {}", plan.direction().label(), describe(plan.rowsBefore()));
			return new RunResult(plan.direction(), List.of(), plan.rowsBefore(), plan.rowsAfter());
		}
		logger.info("{} {} revision(s) from {}", plan.direction() == Direction.UPGRADE ? "Upgrading" : "Downgrading",
				plan.steps().size(), describe(plan.rowsBefore()));
		MigrationRunner runner = new MigrationRunner(dialect, versionTable(dialect), historyTable(dialect),
				this.config.settings(), this.config.listeners(), runBy(), this.config.namingConvention());
		List<StepResult> steps = runner.run(connection, plan);
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
				mismatches.add(new ChecksumMismatch(revision.id(), revision.origin().location(), was, revision.checksum()));
			}
		}
		return mismatches;
	}

	private <T> T write(DatabaseWork<T> work) {
		DataSource dataSource = requireDataSource();
		try (Connection connection = dataSource.getConnection()) {
			connection.setAutoCommit(true);
			Dialect dialect = Dialects.forConnection(connection);
			try (RunLock lock = dialect.acquireRunLock(connection, this.config.tables().lockName(), this.config.lockWait())) {
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
			throw new MigratorException("database-error", "The database refused an operation of the migrator itself: "
					+ ex.getMessage() + ". Check the connection and that the user may create and write the state tables "
					+ this.config.tables().versionTable() + " and " + this.config.tables().historyTable() + ".", ex);
		}
	}

	private <T> T read(DatabaseWork<T> work) {
		DataSource dataSource = requireDataSource();
		try (Connection connection = dataSource.getConnection()) {
			return work.run(connection, Dialects.forConnection(connection));
		}
		catch (SQLException ex) {
			throw new MigratorException("database-error", "Could not read the migration state: " + ex.getMessage()
					+ ". Check the connection settings and that the user may read " + this.config.tables().versionTable()
					+ ".", ex);
		}
	}

	private DataSource requireDataSource() {
		return this.config.dataSource().orElseThrow(() -> new MigratorException("no-data-source",
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
				throw new MigratorException("no-dialect", "The dialect (needed for offline SQL and for a {dialect} location) could not be read from the database ("
						+ ex.getMessage() + "). Set the dialect (postgresql or sqlite).", ex);
			}
		}
		throw new MigratorException("no-dialect", "Offline SQL and {dialect} locations need a dialect: set it to one of "
				+ Dialects.supportedNames() + ".");
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
	 * The locations with {@value #DIALECT_PLACEHOLDER} replaced by the dialect's name, so that one application can
	 * ship revisions for each database it supports; the database is asked only for its product name.
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

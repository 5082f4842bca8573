package dev.migrator.core.config;

import dev.migrator.core.error.ErrorCode;

import dev.migrator.core.backfill.BackfillListener;
import dev.migrator.core.backfill.BackfillSettings;
import dev.migrator.core.compat.CompatibilitySettings;
import dev.migrator.core.lint.LintSettings;
import dev.migrator.core.lint.PostgresVersion;
import dev.migrator.core.dialect.PostgresDialect;
import dev.migrator.core.error.MigratorException;
import dev.migrator.core.fleet.DatabaseQuery;
import dev.migrator.core.fleet.DatabaseTargetDataSource;
import dev.migrator.core.fleet.FleetListener;
import dev.migrator.core.fleet.FleetSettings;
import dev.migrator.core.fleet.FleetTarget;
import dev.migrator.core.fleet.FleetTargets;
import dev.migrator.core.fleet.SchemaQuery;
import dev.migrator.core.fleet.SearchPathDataSource;
import dev.migrator.core.fleet.Waves;
import dev.migrator.core.op.NamingConvention;
import dev.migrator.core.script.LagLimits;
import dev.migrator.core.replica.ReplicaDataSource;
import dev.migrator.core.replica.ReplicaSettings;
import dev.migrator.core.runtime.LockTimeoutRetry;
import dev.migrator.core.runtime.MigrationListener;
import dev.migrator.core.runtime.RunSettings;
import dev.migrator.core.runtime.StateTables;
import dev.migrator.core.script.JavaMigration;
import dev.migrator.core.script.RevisionSource;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import javax.sql.DataSource;

// Over 300 lines: one documented accessor and one builder method per setting.
/**
 * Everything a {@code Migrator} needs, immutable. Built only with {@link #builder()}, so
 * a new setting is a new builder method and never breaks a caller.
 */
public final class MigratorConfig {

	public static final String DEFAULT_LOCATION = "classpath:db/revisions";

	/**
	 * Stands for the dialect's name ({@code postgresql}, {@code sqlite}) in a location.
	 */
	public static final String DIALECT_PLACEHOLDER = "{dialect}";

	public static final Duration DEFAULT_LOCK_WAIT = Duration.ofMinutes(10);

	/**
	 * The lock timeout of revisions on PostgreSQL when neither the configuration nor the
	 * revision sets one; SQLite has none by default.
	 */
	public static final Duration DEFAULT_POSTGRES_LOCK_TIMEOUT = PostgresDialect.DEFAULT_LOCK_TIMEOUT;

	private final Optional<DataSource> dataSource;

	private final List<String> locations;

	private final List<JavaMigration> javaMigrations;

	private final List<String> javaPackages;

	private final List<RevisionSource> extraSources;

	private final ClassLoader classLoader;

	private final StateTables tables;

	private final RunSettings settings;

	private final Duration lockWait;

	private final ChecksumPolicy checksumPolicy;

	private final Optional<String> dialect;

	private final List<MigrationListener> listeners;

	private final NamingConvention namingConvention;

	private final BackfillSettings backfillSettings;

	private final ReplicaSettings replicaSettings;

	private final LockTimeoutRetry lockRetry;

	private final CompatibilitySettings compatibility;

	private final LintSettings lint;

	private final Map<String, String> placeholders;

	private final FleetSettings fleet;

	private MigratorConfig(Optional<DataSource> dataSource, List<String> locations, List<JavaMigration> javaMigrations,
			List<String> javaPackages, List<RevisionSource> extraSources, ClassLoader classLoader, StateTables tables,
			RunSettings settings, Duration lockWait, ChecksumPolicy checksumPolicy, Optional<String> dialect,
			List<MigrationListener> listeners, NamingConvention namingConvention, BackfillSettings backfillSettings,
			ReplicaSettings replicaSettings, LockTimeoutRetry lockRetry, CompatibilitySettings compatibility,
			LintSettings lint, Map<String, String> placeholders, FleetSettings fleet) {
		this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
		this.locations = List.copyOf(locations);
		this.javaMigrations = List.copyOf(javaMigrations);
		this.javaPackages = List.copyOf(javaPackages);
		this.extraSources = List.copyOf(extraSources);
		this.classLoader = Objects.requireNonNull(classLoader, "classLoader");
		this.tables = Objects.requireNonNull(tables, "tables");
		this.settings = Objects.requireNonNull(settings, "settings");
		this.lockWait = Objects.requireNonNull(lockWait, "lockWait");
		this.checksumPolicy = Objects.requireNonNull(checksumPolicy, "checksumPolicy");
		this.dialect = Objects.requireNonNull(dialect, "dialect");
		this.listeners = List.copyOf(listeners);
		this.namingConvention = Objects.requireNonNull(namingConvention, "namingConvention");
		this.backfillSettings = Objects.requireNonNull(backfillSettings, "backfillSettings");
		this.replicaSettings = Objects.requireNonNull(replicaSettings, "replicaSettings");
		this.lockRetry = Objects.requireNonNull(lockRetry, "lockRetry");
		this.compatibility = Objects.requireNonNull(compatibility, "compatibility");
		this.lint = Objects.requireNonNull(lint, "lint");
		this.placeholders = Map.copyOf(placeholders);
		this.fleet = Objects.requireNonNull(fleet, "fleet");
	}

	/**
	 * Where to migrate; empty for offline use ({@code sql}, {@code heads},
	 * {@code history}).
	 */
	public Optional<DataSource> dataSource() {
		return this.dataSource;
	}

	/** SQL revision folders, {@code classpath:} or {@code filesystem:}. */
	public List<String> locations() {
		return this.locations;
	}

	/** Java migrations registered explicitly. */
	public List<JavaMigration> javaMigrations() {
		return this.javaMigrations;
	}

	/** Packages scanned for Java migrations. */
	public List<String> javaPackages() {
		return this.javaPackages;
	}

	/** Further revision sources (revisions built in code, other formats). */
	public List<RevisionSource> extraSources() {
		return this.extraSources;
	}

	/** The class loader for {@code classpath:} locations and package scanning. */
	public ClassLoader classLoader() {
		return this.classLoader;
	}

	/** The version and history tables. */
	public StateTables tables() {
		return this.tables;
	}

	/** Default lock and statement timeouts. */
	public RunSettings settings() {
		return this.settings;
	}

	/** How long a runner waits for another to release the run lock. */
	public Duration lockWait() {
		return this.lockWait;
	}

	/** What an edited applied revision does. */
	public ChecksumPolicy checksumPolicy() {
		return this.checksumPolicy;
	}

	/** A dialect name for offline scripts; the connection decides online. */
	public Optional<String> dialect() {
		return this.dialect;
	}

	/** Notified of each step. */
	public List<MigrationListener> listeners() {
		return this.listeners;
	}

	/** How Java migrations' operations name constraints and indexes given no name. */
	public NamingConvention namingConvention() {
		return this.namingConvention;
	}

	/**
	 * How backfills run: on upgrade or by their own job, their table, listeners, progress
	 * log.
	 */
	public BackfillSettings backfillSettings() {
		return this.backfillSettings;
	}

	/** Replicas to measure lag on and the lag limits throttled work keeps to. */
	public ReplicaSettings replicaSettings() {
		return this.replicaSettings;
	}

	/**
	 * How a statement or transaction that timed out waiting for a lock is tried again.
	 */
	public LockTimeoutRetry lockRetry() {
		return this.lockRetry;
	}

	/**
	 * Where running instances record themselves and whether a contract revision may run
	 * while instances that predate it are alive.
	 */
	public CompatibilitySettings compatibility() {
		return this.compatibility;
	}

	/** Which opt-in lint rules are on. */
	public LintSettings lint() {
		return this.lint;
	}

	/**
	 * The values of the {@code ${name}} placeholders in SQL revision files, by name.
	 */
	public Map<String, String> placeholders() {
		return this.placeholders;
	}

	/** The fleet's targets and how a rollout over them goes; none by default. */
	public FleetSettings fleet() {
		return this.fleet;
	}

	/**
	 * The fleet run table's name, in the version table's schema of the main database: the
	 * version table's name with {@code _fleet} appended.
	 */
	public String fleetRunTable() {
		return this.tables.versionTable() + "_fleet";
	}

	/**
	 * This configuration for one target of the fleet: the tenant's schema first on the
	 * search path of every connection, the state tables in the tenant's schema, and no
	 * fleet of its own.
	 */
	public MigratorConfig forFleetTarget(FleetTarget target) {
		DataSource main = this.dataSource.orElseThrow(() -> new MigratorException(ErrorCode.NO_DATA_SOURCE,
				"A fleet needs the main DataSource, but none is configured."));
		DataSource connections;
		StateTables tables;
		if (target instanceof FleetTarget.Schema schema) {
			connections = new SearchPathDataSource(main, schema);
			tables = new StateTables(Optional.of(schema.schema()), this.tables.versionTable(),
					this.tables.historyTable());
		}
		else {
			// A database of its own: its state tables where the main database keeps them.
			connections = new DatabaseTargetDataSource((FleetTarget.Database) target,
					DatabaseTargetDataSource.Credentials.of(main));
			tables = this.tables;
		}
		return new MigratorConfig(Optional.of(connections), this.locations, this.javaMigrations, this.javaPackages,
				this.extraSources, this.classLoader, tables, this.settings, this.lockWait, this.checksumPolicy,
				this.dialect, this.listeners, this.namingConvention, this.backfillSettings, this.replicaSettings,
				this.lockRetry, this.compatibility, this.lint, this.placeholders, FleetSettings.none());
	}

	/**
	 * This configuration for a scratch copy of the schema that {@code drift} builds: the
	 * given DataSource, the state tables in the given schema (or the scratch database's
	 * default one), no listeners (the copy's steps are no real migration to count or
	 * show), backfills run on upgrade and no lag limits (the copy holds only what the
	 * revisions inserted, and nothing should wait for replicas), no lock timeout retries
	 * (nothing else uses the copy, so a lock wait there is a wait on the live database,
	 * which the copy must not repeat), and no fleet.
	 * @param scratch connections to the scratch place
	 * @param schema the scratch schema on PostgreSQL; empty for a scratch database file
	 */
	public MigratorConfig forScratch(DataSource scratch, Optional<String> schema) {
		BackfillSettings backfills = new BackfillSettings(true, this.backfillSettings.table(), List.of(),
				this.backfillSettings.progressInterval());
		return new MigratorConfig(Optional.of(scratch), this.locations, this.javaMigrations, this.javaPackages,
				this.extraSources, this.classLoader,
				new StateTables(schema, this.tables.versionTable(), this.tables.historyTable()), this.settings,
				this.lockWait, this.checksumPolicy, this.dialect, List.of(), this.namingConvention, backfills,
				ReplicaSettings.defaults(), LockTimeoutRetry.never(), this.compatibility, this.lint, this.placeholders,
				FleetSettings.none());
	}

	public static Builder builder() {
		return new Builder();
	}

	/** Builds a {@link MigratorConfig}; the defaults are the documented ones. */
	public static final class Builder {

		private DataSource dataSource;

		private List<String> locations = List.of(DEFAULT_LOCATION);

		private final List<JavaMigration> javaMigrations = new ArrayList<>();

		private List<String> javaPackages = List.of();

		private final List<RevisionSource> extraSources = new ArrayList<>();

		private ClassLoader classLoader = Builder.class.getClassLoader();

		private String schema;

		private String versionTable = StateTables.DEFAULT_VERSION_TABLE;

		private String historyTable = StateTables.DEFAULT_HISTORY_TABLE;

		private Duration lockTimeout;

		private Duration statementTimeout;

		private Duration lockWait = DEFAULT_LOCK_WAIT;

		private ChecksumPolicy checksumPolicy = ChecksumPolicy.FAIL;

		private String dialect;

		private final List<MigrationListener> listeners = new ArrayList<>();

		private NamingConvention namingConvention = NamingConvention.defaults();

		private boolean runBackfillsOnUpgrade = true;

		private String backfillTable = BackfillSettings.DEFAULT_TABLE;

		private final List<BackfillListener> backfillListeners = new ArrayList<>();

		private Duration backfillProgressInterval = BackfillSettings.DEFAULT_PROGRESS_INTERVAL;

		private final List<ReplicaDataSource> replicas = new ArrayList<>();

		private LagLimits replicaLagLimits = LagLimits.none();

		private Duration replicaLagPollInterval = ReplicaSettings.DEFAULT_POLL_INTERVAL;

		private LockTimeoutRetry lockRetry = LockTimeoutRetry.defaults();

		private String clientsTable = CompatibilitySettings.DEFAULT_CLIENTS_TABLE;

		private Duration clientLiveWindow = CompatibilitySettings.DEFAULT_LIVE_WINDOW;

		private boolean allowContractWithLiveClients;

		private List<String> lintRulesEnabled = List.of();

		private String lintPostgresVersion;

		private long lintLargeTableRows = LintSettings.DEFAULT_LARGE_TABLE_ROWS;

		private final Map<String, String> placeholders = new LinkedHashMap<>();

		private String fleetSchemas;

		private String fleetDatabases;

		private FleetTargets fleetTargets;

		private int fleetParallelism = FleetSettings.DEFAULT_PARALLELISM;

		private Waves fleetWaves = Waves.single();

		private int fleetMaxFailures;

		private Duration fleetLease = FleetSettings.DEFAULT_LEASE;

		private final List<FleetListener> fleetListeners = new ArrayList<>();

		public Builder dataSource(DataSource dataSource) {
			this.dataSource = dataSource;
			return this;
		}

		public Builder locations(String... locations) {
			this.locations = List.of(locations);
			return this;
		}

		public Builder locations(List<String> locations) {
			this.locations = List.copyOf(locations);
			return this;
		}

		public Builder javaMigrations(JavaMigration... migrations) {
			this.javaMigrations.addAll(List.of(migrations));
			return this;
		}

		public Builder javaPackages(String... packages) {
			this.javaPackages = List.of(packages);
			return this;
		}

		public Builder javaPackages(List<String> packages) {
			this.javaPackages = List.copyOf(packages);
			return this;
		}

		public Builder source(RevisionSource source) {
			this.extraSources.add(source);
			return this;
		}

		public Builder classLoader(ClassLoader classLoader) {
			this.classLoader = classLoader;
			return this;
		}

		public Builder schema(String schema) {
			this.schema = schema;
			return this;
		}

		public Builder versionTable(String versionTable) {
			this.versionTable = versionTable;
			return this;
		}

		public Builder historyTable(String historyTable) {
			this.historyTable = historyTable;
			return this;
		}

		public Builder lockTimeout(Duration lockTimeout) {
			this.lockTimeout = lockTimeout;
			return this;
		}

		public Builder statementTimeout(Duration statementTimeout) {
			this.statementTimeout = statementTimeout;
			return this;
		}

		public Builder lockWait(Duration lockWait) {
			this.lockWait = lockWait;
			return this;
		}

		public Builder checksumPolicy(ChecksumPolicy checksumPolicy) {
			this.checksumPolicy = checksumPolicy;
			return this;
		}

		public Builder dialect(String dialect) {
			this.dialect = dialect;
			return this;
		}

		/**
		 * How operations name constraints and indexes given no name;
		 * {@link NamingConvention#defaults()} by default.
		 */
		public Builder namingConvention(NamingConvention namingConvention) {
			this.namingConvention = Objects.requireNonNull(namingConvention, "namingConvention");
			return this;
		}

		public Builder listener(MigrationListener listener) {
			this.listeners.add(listener);
			return this;
		}

		/**
		 * Whether {@code upgrade} runs each backfill right after the revision that
		 * declares it (the default). Off, an upgrade stops before the first revision that
		 * descends from a revision whose backfill is unfinished, and its result names the
		 * backfill it waits for; a separate {@code backfill} job runs it.
		 */
		public Builder runBackfillsOnUpgrade(boolean runBackfillsOnUpgrade) {
			this.runBackfillsOnUpgrade = runBackfillsOnUpgrade;
			return this;
		}

		/**
		 * The backfill progress table, in the version table's schema; the chunk table is
		 * named after it.
		 */
		public Builder backfillTable(String backfillTable) {
			this.backfillTable = backfillTable;
			return this;
		}

		public Builder backfillListener(BackfillListener listener) {
			this.backfillListeners.add(Objects.requireNonNull(listener, "listener"));
			return this;
		}

		/** How often a running backfill logs a progress line. */
		public Builder backfillProgressInterval(Duration interval) {
			this.backfillProgressInterval = Objects.requireNonNull(interval, "interval");
			return this;
		}

		/**
		 * A replica to measure lag on directly, besides what the primary reports of its
		 * standbys.
		 */
		public Builder replica(String name, DataSource dataSource) {
			this.replicas.add(new ReplicaDataSource(name, dataSource));
			return this;
		}

		/** The replica lag above which backfills wait, unless a backfill sets its own. */
		public Builder replicaLagLimits(LagLimits limits) {
			this.replicaLagLimits = Objects.requireNonNull(limits, "limits");
			return this;
		}

		/** How often throttled work measures replica lag again. */
		public Builder replicaLagPollInterval(Duration interval) {
			this.replicaLagPollInterval = Objects.requireNonNull(interval, "interval");
			return this;
		}

		/**
		 * How a statement or transaction that timed out waiting for a lock is tried
		 * again; {@link LockTimeoutRetry#defaults()} by default,
		 * {@link LockTimeoutRetry#never()} to fail at once.
		 */
		public Builder lockRetry(LockTimeoutRetry lockRetry) {
			this.lockRetry = Objects.requireNonNull(lockRetry, "lockRetry");
			return this;
		}

		/**
		 * The opt-in (hygiene) lint rules to apply, by id, such as {@code prefer-bigint};
		 * none by default.
		 */
		public Builder lintEnable(List<String> ruleIds) {
			this.lintRulesEnabled = List.copyOf(ruleIds);
			return this;
		}

		/**
		 * The PostgreSQL version the linter judges statements for, such as {@code 14} or
		 * {@code 16.2}; by default the connected server's, else the oldest the linter
		 * assumes.
		 */
		public Builder lintPostgresVersion(String version) {
			this.lintPostgresVersion = version;
			return this;
		}

		/**
		 * With a database at hand, the estimated row count above which a statement that
		 * scans, rewrites or indexes a table is reported with its rule's severity; at or
		 * below it, as a note that fails nothing. 10,000 by default.
		 */
		public Builder lintLargeTableRows(long rows) {
			this.lintLargeTableRows = rows;
			return this;
		}

		/**
		 * The table running application instances record themselves in, in the version
		 * table's schema.
		 */
		public Builder clientsTable(String clientsTable) {
			this.clientsTable = clientsTable;
			return this;
		}

		/** How recent an instance's last heartbeat must be for it to count as running. */
		public Builder clientLiveWindow(Duration liveWindow) {
			this.clientLiveWindow = Objects.requireNonNull(liveWindow, "liveWindow");
			return this;
		}

		/**
		 * Whether a contract revision runs even though live instances of the application
		 * predate it; the override is logged with the instances it lets down.
		 */
		public Builder allowContractWithLiveClients(boolean allow) {
			this.allowContractWithLiveClients = allow;
			return this;
		}

		/**
		 * The value of the placeholder {@code ${name}} in SQL revision files.
		 */
		public Builder placeholder(String name, String value) {
			requirePlaceholderName(name);
			this.placeholders.put(name, Objects.requireNonNull(value, () -> "the value of placeholder " + name));
			return this;
		}

		/**
		 * A fleet of schemas, one per tenant: the query on the main DataSource returns
		 * one schema name per row, in rollout order.
		 */
		public Builder fleetSchemas(String sql) {
			this.fleetSchemas = sql;
			return this;
		}

		/**
		 * A fleet of databases, one per tenant: the query on the main DataSource returns
		 * one JDBC URL per row, in rollout order, optionally with {@code user} and
		 * {@code password} columns (else the URL's, else the main DataSource's
		 * credentials).
		 */
		public Builder fleetDatabases(String sql) {
			this.fleetDatabases = sql;
			return this;
		}

		/** A fleet whose targets the application lists itself. */
		public Builder fleetTargets(FleetTargets targets) {
			this.fleetTargets = Objects.requireNonNull(targets, "targets");
			return this;
		}

		/** How many targets one process migrates at once; 1 by default. */
		public Builder fleetParallelism(int parallelism) {
			this.fleetParallelism = parallelism;
			return this;
		}

		/** How a rollout grows, such as {@code 1,10%,100%} (see {@link Waves}). */
		public Builder fleetWaves(String waves) {
			this.fleetWaves = Waves.parse(waves);
			return this;
		}

		/**
		 * The values of the placeholders in SQL revision files, by name, replacing those
		 * given before.
		 */
		public Builder placeholders(Map<String, String> placeholders) {
			this.placeholders.clear();
			placeholders.forEach(this::placeholder);
			return this;
		}

		/**
		 * The error budget: once more targets than this failed, no new target starts; 0
		 * (the default) stops at the first failure.
		 */
		public Builder fleetMaxFailures(int maxFailures) {
			this.fleetMaxFailures = maxFailures;
			return this;
		}

		/**
		 * How long a process's claim on a target holds without being renewed (renewed
		 * every third of it); a killed process's target is taken over once it expired.
		 */
		public Builder fleetLease(Duration lease) {
			this.fleetLease = Objects.requireNonNull(lease, "lease");
			return this;
		}

		/** Told how this process's part of each fleet run goes. */
		public Builder fleetListener(FleetListener listener) {
			this.fleetListeners.add(Objects.requireNonNull(listener, "listener"));
			return this;
		}

		public MigratorConfig build() {
			requireName("version table", this.versionTable);
			requireName("history table", this.historyTable);
			requireName("clients table", this.clientsTable);
			requireName("backfill table", this.backfillTable);
			// The chunk table's name is the progress table's plus a suffix, and must fit
			// as well.
			requireName("backfill chunk table", this.backfillTable + "_chunk");
			StateTableNames.requireDistinct(this.versionTable, this.historyTable, this.clientsTable,
					this.backfillTable);
			if (this.schema != null) {
				requireName("schema", this.schema);
			}
			requireNotNegative("lock wait", this.lockWait);
			if (this.lockTimeout != null) {
				requireNotNegative("lock timeout", this.lockTimeout);
			}
			if (this.statementTimeout != null) {
				requireNotNegative("statement timeout", this.statementTimeout);
			}
			return new MigratorConfig(Optional.ofNullable(this.dataSource), this.locations, this.javaMigrations,
					this.javaPackages, this.extraSources, this.classLoader,
					new StateTables(Optional.ofNullable(this.schema), this.versionTable, this.historyTable),
					new RunSettings(Optional.ofNullable(this.lockTimeout), Optional.ofNullable(this.statementTimeout)),
					this.lockWait, this.checksumPolicy, Optional.ofNullable(this.dialect), this.listeners,
					this.namingConvention, backfillSettings(),
					new ReplicaSettings(this.replicas, this.replicaLagLimits, this.replicaLagPollInterval),
					this.lockRetry, compatibility(), lintSettings(), this.placeholders, fleet());
		}

		private LintSettings lintSettings() {
			LintSettings settings = LintSettings.enabling(this.lintRulesEnabled)
				.withLargeTableRows(this.lintLargeTableRows);
			if (this.lintPostgresVersion == null || this.lintPostgresVersion.isBlank()) {
				return settings;
			}
			return settings.withPostgresVersion(PostgresVersion.parse(this.lintPostgresVersion));
		}

		private FleetSettings fleet() {
			boolean schemas = this.fleetSchemas != null && !this.fleetSchemas.isBlank();
			boolean databases = this.fleetDatabases != null && !this.fleetDatabases.isBlank();
			if (schemas && databases) {
				throw new MigratorException(ErrorCode.INVALID_CONFIGURATION,
						"Both " + SchemaQuery.PROPERTY + " and " + DatabaseQuery.PROPERTY + " name the fleet's "
								+ "targets. A fleet is of schemas or of databases: keep one.");
			}
			String property = schemas ? SchemaQuery.PROPERTY : DatabaseQuery.PROPERTY;
			boolean query = schemas || databases;
			if (query && this.fleetTargets != null) {
				throw new MigratorException(ErrorCode.INVALID_CONFIGURATION,
						"Both " + property + " and a FleetTargets bean name the fleet's targets. Keep one.");
			}
			if (query && this.dataSource == null) {
				throw new MigratorException(ErrorCode.INVALID_CONFIGURATION,
						property + " is set, but no DataSource is configured to run it on.");
			}
			if (this.fleetParallelism < 1) {
				throw new MigratorException(ErrorCode.INVALID_CONFIGURATION, "migrator.fleet.parallelism is "
						+ this.fleetParallelism + ", but at least one target must run at a time. Give 1 or more.");
			}
			if (this.fleetMaxFailures < 0) {
				throw new MigratorException(ErrorCode.INVALID_CONFIGURATION, "migrator.fleet.max-failures is "
						+ this.fleetMaxFailures + ". Give 0 (stop at the first failure) or more.");
			}
			if (this.fleetLease.toMillis() < 1000) {
				throw new MigratorException(ErrorCode.INVALID_CONFIGURATION, "The fleet lease is " + this.fleetLease
						+ ", shorter than a second: leases would expire between two renewals. Give 1s or more.");
			}
			Optional<FleetTargets> targets = schemas ? Optional.of(new SchemaQuery(this.dataSource, this.fleetSchemas))
					: databases ? Optional.of(new DatabaseQuery(this.dataSource, this.fleetDatabases))
							: Optional.ofNullable(this.fleetTargets);
			if (targets.isPresent()) {
				requireName("fleet run table", this.versionTable + "_fleet");
			}
			return new FleetSettings(targets, this.fleetParallelism, this.fleetWaves, this.fleetMaxFailures,
					this.fleetLease, this.fleetListeners);
		}

		private CompatibilitySettings compatibility() {
			return new CompatibilitySettings(this.clientsTable, this.clientLiveWindow,
					this.allowContractWithLiveClients);
		}

		private BackfillSettings backfillSettings() {
			if (this.backfillProgressInterval.isNegative() || this.backfillProgressInterval.isZero()
					|| this.replicaLagPollInterval.isNegative() || this.replicaLagPollInterval.isZero()) {
				throw new MigratorException(ErrorCode.INVALID_CONFIGURATION,
						"The backfill progress interval and the replica "
								+ "lag poll interval must be positive, but are " + this.backfillProgressInterval
								+ " and " + this.replicaLagPollInterval + ". Give durations such as 10s and 1s.");
			}
			return new BackfillSettings(this.runBackfillsOnUpgrade, this.backfillTable, this.backfillListeners,
					this.backfillProgressInterval);
		}

		private static void requirePlaceholderName(String name) {
			if (name == null || name.isBlank() || name.contains("}") || name.contains("\n")) {
				throw new MigratorException(ErrorCode.INVALID_CONFIGURATION, "The placeholder name '" + name
						+ "' cannot be written as ${name} in a file. Give a name without '}' or line breaks.");
			}
		}

		private static final int MAX_NAME_BYTES = 63;

		private static void requireName(String what, String name) {
			if (name == null || name.isBlank()) {
				throw new MigratorException(ErrorCode.INVALID_CONFIGURATION,
						"The " + what + " name is empty. Give it a name.");
			}
			// PostgreSQL keeps NAMEDATALEN - 1 bytes of a name, not characters: two long
			// accented names would become one table.
			int bytes = name.getBytes(StandardCharsets.UTF_8).length;
			if (bytes > MAX_NAME_BYTES) {
				throw new MigratorException(ErrorCode.INVALID_CONFIGURATION,
						"The " + what + " name '" + name + "' is " + bytes + " bytes long in UTF-8, but PostgreSQL "
								+ "keeps at most " + MAX_NAME_BYTES
								+ " bytes of a name and would silently truncate it. Choose a shorter name.");
			}
		}

		// Zero is allowed as in the revision headers: no timeout on PostgreSQL, no
		// waiting for the run lock.
		private static void requireNotNegative(String what, Duration value) {
			if (value.isNegative()) {
				throw new MigratorException(ErrorCode.INVALID_CONFIGURATION,
						"The " + what + " cannot be negative, but is " + value + ". Give a duration such as 2s.");
			}
			if (value.toMillis() > Integer.MAX_VALUE) {
				throw new MigratorException(ErrorCode.INVALID_CONFIGURATION, "The " + what + " " + value
						+ " is longer than the databases accept (about 24 days). Give a shorter duration.");
			}
		}

	}

}

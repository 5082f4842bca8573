package dev.migrator.autoconfigure;

import dev.migrator.core.config.ChecksumPolicy;
import dev.migrator.core.script.PhaseFilter;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

// Over 300 lines: the @ConfigurationProperties class: one documented field, getter and setter per property.
/**
 * Configuration properties for migrator. The defaults repeat the engine's on purpose, so
 * that the generated metadata shows them; {@code MigratorPropertiesTests} keeps the two
 * in step.
 */
@ConfigurationProperties("migrator")
public class MigratorProperties {

	/**
	 * Whether to enable migrator.
	 */
	private boolean enabled = true;

	/**
	 * Folders SQL revision files are loaded from, each prefixed with 'classpath:' or
	 * 'filesystem:', replacing the default folder when set.
	 */
	private List<String> locations = new ArrayList<>(Collections.singletonList("classpath:db/revisions"));

	/**
	 * Packages, with their subpackages, scanned for Java migrations.
	 */
	private List<String> javaPackages = new ArrayList<>();

	/**
	 * Schema of the version and history tables; the connection's default schema when not
	 * set.
	 */
	private String schema;

	/**
	 * Name of the table that holds one row per applied head.
	 */
	private String versionTable = "migrator_version";

	/**
	 * Name of the append-only table that records every step that ran.
	 */
	private String historyTable = "migrator_history";

	/**
	 * How long a migration statement may wait for a lock before it gives up and is tried
	 * again, unless its revision sets its own; 50ms on PostgreSQL and no limit on SQLite
	 * when not set.
	 */
	private Duration lockTimeout;

	/**
	 * How long a migration statement may run before it fails, unless its revision sets
	 * its own; no limit when not set.
	 */
	private Duration statementTimeout;

	/**
	 * How long a runner waits for another runner to release the run lock before it gives
	 * up.
	 */
	private Duration lockWait = Duration.ofMinutes(10);

	/**
	 * What an applied revision whose content was edited since does: fail the run or log a
	 * warning.
	 */
	private ChecksumPolicy checksumPolicy = ChecksumPolicy.FAIL;

	/**
	 * JDBC URL of the database to migrate, for a DataSource used by migrations only; the
	 * application's DataSource when not set.
	 */
	private String url;

	/**
	 * Login user of the database to migrate, when migrations need another user than the
	 * application.
	 */
	private String user;

	/**
	 * Login password of the database to migrate.
	 */
	private String password;

	/**
	 * Dialect of the database, postgresql or sqlite, so that the 'sql' and 'lint'
	 * commands need no connection; read from the connection when not set.
	 */
	private String dialect;

	/**
	 * Values of the placeholders in SQL revision files, by name; a revision's checksum
	 * covers its text before replacement, so a new value is not an edit.
	 */
	private Map<String, String> placeholders = new LinkedHashMap<>();

	private final Job job = new Job();

	private final LockRetry lockRetry = new LockRetry();

	private final Clients clients = new Clients();

	private final Lint lint = new Lint();

	private final Backfill backfill = new Backfill();

	private final Replica replica = new Replica();

	private final Import importSettings = new Import();

	private final Repair repair = new Repair();

	private final Drift drift = new Drift();

	private final Baseline baseline = new Baseline();

	private final Fleet fleet = new Fleet();

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public List<String> getLocations() {
		return this.locations;
	}

	public void setLocations(List<String> locations) {
		this.locations = locations;
	}

	public List<String> getJavaPackages() {
		return this.javaPackages;
	}

	public void setJavaPackages(List<String> javaPackages) {
		this.javaPackages = javaPackages;
	}

	public String getSchema() {
		return this.schema;
	}

	public void setSchema(String schema) {
		this.schema = schema;
	}

	public String getVersionTable() {
		return this.versionTable;
	}

	public void setVersionTable(String versionTable) {
		this.versionTable = versionTable;
	}

	public String getHistoryTable() {
		return this.historyTable;
	}

	public void setHistoryTable(String historyTable) {
		this.historyTable = historyTable;
	}

	public Duration getLockTimeout() {
		return this.lockTimeout;
	}

	public void setLockTimeout(Duration lockTimeout) {
		this.lockTimeout = lockTimeout;
	}

	public Duration getStatementTimeout() {
		return this.statementTimeout;
	}

	public void setStatementTimeout(Duration statementTimeout) {
		this.statementTimeout = statementTimeout;
	}

	public Duration getLockWait() {
		return this.lockWait;
	}

	public void setLockWait(Duration lockWait) {
		this.lockWait = lockWait;
	}

	public Map<String, String> getPlaceholders() {
		return this.placeholders;
	}

	public void setPlaceholders(Map<String, String> placeholders) {
		this.placeholders = placeholders;
	}

	public ChecksumPolicy getChecksumPolicy() {
		return this.checksumPolicy;
	}

	public void setChecksumPolicy(ChecksumPolicy checksumPolicy) {
		this.checksumPolicy = checksumPolicy;
	}

	public String getUrl() {
		return this.url;
	}

	public void setUrl(String url) {
		this.url = url;
	}

	public String getUser() {
		return this.user;
	}

	public void setUser(String user) {
		this.user = user;
	}

	public String getPassword() {
		return this.password;
	}

	public void setPassword(String password) {
		this.password = password;
	}

	public Job getJob() {
		return this.job;
	}

	public LockRetry getLockRetry() {
		return this.lockRetry;
	}

	public Clients getClients() {
		return this.clients;
	}

	public Lint getLint() {
		return this.lint;
	}

	public String getDialect() {
		return this.dialect;
	}

	public void setDialect(String dialect) {
		this.dialect = dialect;
	}

	public Backfill getBackfill() {
		return this.backfill;
	}

	public Replica getReplica() {
		return this.replica;
	}

	public Fleet getFleet() {
		return this.fleet;
	}

	public Import getImport() {
		return this.importSettings;
	}

	public Repair getRepair() {
		return this.repair;
	}

	public Drift getDrift() {
		return this.drift;
	}

	/**
	 * Drift: the live schema against the schema its applied revisions produce
	 * (migrator.job.command=drift runs it once).
	 */
	public static class Drift {

		/**
		 * How often a running application checks drift for the endpoint's drift section
		 * and the migrator.schema.drift gauge; each check runs the applied revisions in a
		 * scratch schema, so minutes or more; no periodic check when unset.
		 */
		private Duration interval;

		public Duration getInterval() {
			return this.interval;
		}

		public void setInterval(Duration interval) {
			this.interval = interval;
		}

	}

	public Baseline getBaseline() {
		return this.baseline;
	}

	/**
	 * The baseline command (migrator.job.command=baseline): bringing any live database
	 * under migrator with one revision that recreates its schema.
	 */
	public static class Baseline {

		/**
		 * The folder the baseline revision file is written to; add it to
		 * migrator.locations afterwards.
		 */
		private String output;

		/**
		 * Id of the baseline revision, which also names its file.
		 */
		private String revision = "baseline";

		public String getOutput() {
			return this.output;
		}

		public void setOutput(String output) {
			this.output = output;
		}

		public String getRevision() {
			return this.revision;
		}

		public void setRevision(String revision) {
			this.revision = revision;
		}

	}

	/**
	 * The repair command (migrator.job.command=repair): recording what an operator fixed
	 * by hand.
	 */
	public static class Repair {

		/**
		 * Revisions to repair, by id; every revision that needs it (edited after it was
		 * applied, or left part-way by a run) when empty.
		 */
		private List<String> revisions = new ArrayList<>();

		public List<String> getRevisions() {
			return this.revisions;
		}

		public void setRevisions(List<String> revisions) {
			this.revisions = revisions;
		}

	}

	/**
	 * The import command (migrator.job.command=import): bringing over a database that
	 * another tool migrated.
	 */
	public static class Import {

		/**
		 * The tool whose project and history are imported; only flyway is supported.
		 */
		private String from = "flyway";

		/**
		 * The Flyway project's folders (spring.flyway.locations), as classpath:FOLDER or
		 * filesystem:FOLDER.
		 */
		private List<String> locations = new ArrayList<>();

		/**
		 * Flyway's history table (spring.flyway.table), in the schema of migrator's own
		 * tables.
		 */
		private String table = "flyway_schema_history";

		/**
		 * The folder the revision files are written to; add it to migrator.locations
		 * afterwards.
		 */
		private String output;

		/**
		 * Values of the project's placeholders by name, as Flyway was given them
		 * (spring.flyway.placeholders).
		 */
		private Map<String, String> placeholders = new LinkedHashMap<>();

		public String getFrom() {
			return this.from;
		}

		public void setFrom(String from) {
			this.from = from;
		}

		public List<String> getLocations() {
			return this.locations;
		}

		public void setLocations(List<String> locations) {
			this.locations = locations;
		}

		public String getTable() {
			return this.table;
		}

		public void setTable(String table) {
			this.table = table;
		}

		public String getOutput() {
			return this.output;
		}

		public void setOutput(String output) {
			this.output = output;
		}

		public Map<String, String> getPlaceholders() {
			return this.placeholders;
		}

		public void setPlaceholders(Map<String, String> placeholders) {
			this.placeholders = placeholders;
		}

	}

	/**
	 * Backfills: batched data migrations that run as their own job.
	 */
	public static class Backfill {

		/**
		 * Whether the upgrade command runs each backfill right after the revision that
		 * declares it; off, an upgrade stops before the first revision that needs an
		 * unfinished backfill and exits 3, leaving it to the 'backfill' command.
		 */
		private boolean runOnUpgrade = true;

		/**
		 * Name of the backfill progress table, in the version table's schema; the chunk
		 * table is named after it.
		 */
		private String table = "migrator_backfill";

		/**
		 * How often a running backfill logs a progress line.
		 */
		private Duration progressInterval = Duration.ofSeconds(10);

		public boolean isRunOnUpgrade() {
			return this.runOnUpgrade;
		}

		public void setRunOnUpgrade(boolean runOnUpgrade) {
			this.runOnUpgrade = runOnUpgrade;
		}

		public String getTable() {
			return this.table;
		}

		public void setTable(String table) {
			this.table = table;
		}

		public Duration getProgressInterval() {
			return this.progressInterval;
		}

		public void setProgressInterval(Duration progressInterval) {
			this.progressInterval = progressInterval;
		}

	}

	/**
	 * Replicas: where lag is measured, and how much lag backfills may cause.
	 */
	public static class Replica {

		/**
		 * WAL a replica may trail by before backfills wait, such as 64MB; no limit when
		 * not set.
		 */
		private DataSize maxLagBytes;

		/**
		 * WAL every replica must be back within before backfills go on; half of
		 * max-lag-bytes when not set.
		 */
		private DataSize resumeLagBytes;

		/**
		 * Replay delay a replica may have before backfills wait, such as 10s; no limit
		 * when not set.
		 */
		private Duration maxLag;

		/**
		 * Replay delay every replica must be back within before backfills go on; half of
		 * max-lag when not set.
		 */
		private Duration resumeLag;

		/**
		 * How often a waiting backfill measures replica lag again, which is also how long
		 * the lag gauges reuse a measurement.
		 */
		private Duration pollInterval = Duration.ofSeconds(1);

		/**
		 * Replicas to measure lag on directly, by the name their figures are tagged with,
		 * besides the standbys the primary reports.
		 */
		private Map<String, Source> sources = new LinkedHashMap<>();

		public DataSize getMaxLagBytes() {
			return this.maxLagBytes;
		}

		public void setMaxLagBytes(DataSize maxLagBytes) {
			this.maxLagBytes = maxLagBytes;
		}

		public DataSize getResumeLagBytes() {
			return this.resumeLagBytes;
		}

		public void setResumeLagBytes(DataSize resumeLagBytes) {
			this.resumeLagBytes = resumeLagBytes;
		}

		public Duration getMaxLag() {
			return this.maxLag;
		}

		public void setMaxLag(Duration maxLag) {
			this.maxLag = maxLag;
		}

		public Duration getResumeLag() {
			return this.resumeLag;
		}

		public void setResumeLag(Duration resumeLag) {
			this.resumeLag = resumeLag;
		}

		public Duration getPollInterval() {
			return this.pollInterval;
		}

		public void setPollInterval(Duration pollInterval) {
			this.pollInterval = pollInterval;
		}

		public Map<String, Source> getSources() {
			return this.sources;
		}

		public void setSources(Map<String, Source> sources) {
			this.sources = sources;
		}

		/**
		 * A replica to connect to, only to read its lag.
		 */
		public static class Source {

			/**
			 * JDBC URL of the replica.
			 */
			private String url;

			/**
			 * Login user of the replica.
			 */
			private String username;

			/**
			 * Login password of the replica.
			 */
			private String password;

			public String getUrl() {
				return this.url;
			}

			public void setUrl(String url) {
				this.url = url;
			}

			public String getUsername() {
				return this.username;
			}

			public void setUsername(String username) {
				this.username = username;
			}

			public String getPassword() {
				return this.password;
			}

			public void setPassword(String password) {
				this.password = password;
			}

		}

	}

	/**
	 * How a statement or transaction that gave up waiting for a lock is tried again.
	 */
	public static class LockRetry {

		/**
		 * How many times a statement or transaction that timed out waiting for a lock is
		 * tried in all, 1 to fail at once.
		 */
		private int attempts = 10;

		/**
		 * Pause before the first retry, doubled for each further one, with random jitter.
		 */
		private Duration baseDelay = Duration.ofMillis(100);

		/**
		 * Longest pause between two attempts.
		 */
		private Duration maxDelay = Duration.ofSeconds(10);

		public int getAttempts() {
			return this.attempts;
		}

		public void setAttempts(int attempts) {
			this.attempts = attempts;
		}

		public Duration getBaseDelay() {
			return this.baseDelay;
		}

		public void setBaseDelay(Duration baseDelay) {
			this.baseDelay = baseDelay;
		}

		public Duration getMaxDelay() {
			return this.maxDelay;
		}

		public void setMaxDelay(Duration maxDelay) {
			this.maxDelay = maxDelay;
		}

	}

	/**
	 * A fleet: the same revisions on many tenant schemas or databases. With targets
	 * configured, the job's upgrade, downgrade, stamp, current, check, backfill and
	 * backfill-status run on every target, and fleet-status prints each target's state.
	 */
	public static class Fleet {

		/**
		 * SQL run on the main DataSource returning one tenant schema name per row, in
		 * rollout order, such as SELECT schema_name FROM tenants ORDER BY created_at;
		 * each target keeps its own version and history tables in its schema.
		 */
		private String schemas;

		/**
		 * SQL run on the main DataSource returning one tenant database per row, in
		 * rollout order: its JDBC URL in the first column (or one named url), optionally
		 * columns named user and password (else the URL's, else the main DataSource's
		 * credentials); each database keeps its own version and history tables, and
		 * schemas must then be empty.
		 */
		private String databases;

		/**
		 * How many targets one job process migrates at once; the connection pool needs
		 * this many connections and two more.
		 */
		private int parallelism = 1;

		/**
		 * How the rollout grows, as cumulative counts or percentages of the fleet such as
		 * 1,10%,100% (a canary, then up to a tenth, then the rest), each wave starting
		 * only when every target of the waves before it succeeded; empty for one wave.
		 */
		private String waves = "";

		/**
		 * The error budget: once more targets than this failed, no new target starts and
		 * the job exits 1 naming the failures; 0 stops at the first failure.
		 */
		private int maxFailures = 0;

		/**
		 * How long a job process's claim on a target holds without being renewed (every
		 * third of it), after which another process takes a killed process's target over.
		 */
		private Duration lease = Duration.ofSeconds(60);

		public String getSchemas() {
			return this.schemas;
		}

		public void setSchemas(String schemas) {
			this.schemas = schemas;
		}

		public String getDatabases() {
			return this.databases;
		}

		public void setDatabases(String databases) {
			this.databases = databases;
		}

		public int getParallelism() {
			return this.parallelism;
		}

		public void setParallelism(int parallelism) {
			this.parallelism = parallelism;
		}

		public String getWaves() {
			return this.waves;
		}

		public void setWaves(String waves) {
			this.waves = waves;
		}

		public int getMaxFailures() {
			return this.maxFailures;
		}

		public void setMaxFailures(int maxFailures) {
			this.maxFailures = maxFailures;
		}

		public Duration getLease() {
			return this.lease;
		}

		public void setLease(Duration lease) {
			this.lease = lease;
		}

	}

	/**
	 * The linter run by the job's lint and check commands.
	 */
	public static class Lint {

		/**
		 * Opt-in (hygiene) lint rules to apply, by id (prefer-bigint, prefer-identity,
		 * prefer-timestamptz, prefer-text), on top of the rules that are always on.
		 */
		private List<String> enable = new ArrayList<>();

		/**
		 * PostgreSQL version the linter judges statements for, such as 14 or 16.2; when
		 * not set, the connected server's version, else 14.
		 */
		private String postgresVersion;

		/**
		 * With a database at hand, the estimated row count above which a statement that
		 * scans, rewrites or indexes a table is reported with its rule's severity; at or
		 * below it, as a note that fails nothing.
		 */
		private long largeTableRows = 10000;

		public List<String> getEnable() {
			return this.enable;
		}

		public void setEnable(List<String> enable) {
			this.enable = enable;
		}

		public String getPostgresVersion() {
			return this.postgresVersion;
		}

		public void setPostgresVersion(String postgresVersion) {
			this.postgresVersion = postgresVersion;
		}

		public long getLargeTableRows() {
			return this.largeTableRows;
		}

		public void setLargeTableRows(long largeTableRows) {
			this.largeTableRows = largeTableRows;
		}

	}

	/**
	 * The registry of running application instances, which contract revisions check
	 * before they run.
	 */
	public static class Clients {

		/**
		 * Whether a web application records itself in the clients table while it runs
		 * (the one table it writes; it is not ready until it has), so that contract
		 * revisions wait until instances of older code are gone.
		 */
		private boolean enabled = true;

		/**
		 * How often a running application says that it is still alive.
		 */
		private Duration heartbeatInterval = Duration.ofSeconds(15);

		/**
		 * How recent an instance's last heartbeat must be for it to count as running;
		 * keep it several heartbeat intervals long.
		 */
		private Duration liveWindow = Duration.ofSeconds(60);

		/**
		 * Name of the table running application instances record themselves in, in the
		 * version table's schema; the migration job creates it with the state tables.
		 */
		private String table = "migrator_clients";

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public Duration getHeartbeatInterval() {
			return this.heartbeatInterval;
		}

		public void setHeartbeatInterval(Duration heartbeatInterval) {
			this.heartbeatInterval = heartbeatInterval;
		}

		public Duration getLiveWindow() {
			return this.liveWindow;
		}

		public void setLiveWindow(Duration liveWindow) {
			this.liveWindow = liveWindow;
		}

		public String getTable() {
			return this.table;
		}

		public void setTable(String table) {
			this.table = table;
		}

	}

	/**
	 * The migration job: the one command an application started with the job profile runs
	 * instead of serving.
	 */
	public static class Job {

		/**
		 * Profile that turns the application into the migration job; a profile expression
		 * is allowed.
		 */
		private String profile = "migrate";

		/**
		 * Command the migration job runs.
		 */
		private JobCommand command = JobCommand.UPGRADE;

		/**
		 * Target of the command: heads, head, base, a revision id or unique prefix,
		 * label@head, +N, -N, id+N or id-N.
		 */
		private String target = "heads";

		/**
		 * Where the script of the 'sql' command starts; the target is where it ends.
		 */
		private String from = "base";

		/**
		 * Range the 'history' command lists, as from:to with either end optional; every
		 * revision when empty.
		 */
		private String range = "";

		/**
		 * Whether to end the process with the job's exit code once the command ran, which
		 * only a job run inside a test or a larger program should switch off.
		 */
		private boolean exit = true;

		/**
		 * Phases the upgrade command applies: all, or expand to hold back contract
		 * revisions and every revision that needs one.
		 */
		private PhaseFilter phase = PhaseFilter.ALL;

		/**
		 * Whether a contract revision runs even though live application instances predate
		 * it, which is logged.
		 */
		private boolean allowContractWithLiveClients;

		/**
		 * Backfill the backfill commands work on; 'backfill' and 'backfill-status' take
		 * every backfill when not set.
		 */
		private String backfill;

		/**
		 * What the 'resolve' command records about a statement an interrupted run left
		 * with an unknown outcome: done (it completed; the next run continues after it)
		 * or rerun (the next run runs it again).
		 */
		private String resolve;

		/**
		 * File the 'lint' and 'check' commands write their findings to as a SARIF log,
		 * for code review tools, such as target/migrator-lint.sarif; none when not set.
		 */
		private String lintReport;

		/**
		 * Source folder, relative to the repository root, that classpath revision files
		 * come from in the SARIF log, such as src/main/resources; given relative to the
		 * CLASSPATH base id when not set.
		 */
		private String lintClasspathRoot;

		/**
		 * Whether the 'check' command also runs the linter and fails on its findings.
		 */
		private boolean checkLint = true;

		/**
		 * Whether the migration job starts Spring Boot's actuator, health and Micrometer
		 * auto-configuration; off, as the job serves no endpoint, unless it pushes its
		 * metrics to a registry.
		 */
		private boolean actuator;

		public boolean isActuator() {
			return this.actuator;
		}

		public void setActuator(boolean actuator) {
			this.actuator = actuator;
		}

		public String getProfile() {
			return this.profile;
		}

		public void setProfile(String profile) {
			this.profile = profile;
		}

		public JobCommand getCommand() {
			return this.command;
		}

		public void setCommand(JobCommand command) {
			this.command = command;
		}

		public String getTarget() {
			return this.target;
		}

		public void setTarget(String target) {
			this.target = target;
		}

		public String getFrom() {
			return this.from;
		}

		public void setFrom(String from) {
			this.from = from;
		}

		public String getRange() {
			return this.range;
		}

		public void setRange(String range) {
			this.range = range;
		}

		public boolean isExit() {
			return this.exit;
		}

		public void setExit(boolean exit) {
			this.exit = exit;
		}

		public PhaseFilter getPhase() {
			return this.phase;
		}

		public void setPhase(PhaseFilter phase) {
			this.phase = phase;
		}

		public boolean isAllowContractWithLiveClients() {
			return this.allowContractWithLiveClients;
		}

		public void setAllowContractWithLiveClients(boolean allowContractWithLiveClients) {
			this.allowContractWithLiveClients = allowContractWithLiveClients;
		}

		public String getBackfill() {
			return this.backfill;
		}

		public void setBackfill(String backfill) {
			this.backfill = backfill;
		}

		public String getResolve() {
			return this.resolve;
		}

		public void setResolve(String resolve) {
			this.resolve = resolve;
		}

		public String getLintReport() {
			return this.lintReport;
		}

		public void setLintReport(String lintReport) {
			this.lintReport = lintReport;
		}

		public String getLintClasspathRoot() {
			return this.lintClasspathRoot;
		}

		public void setLintClasspathRoot(String lintClasspathRoot) {
			this.lintClasspathRoot = lintClasspathRoot;
		}

		public boolean isCheckLint() {
			return this.checkLint;
		}

		public void setCheckLint(boolean checkLint) {
			this.checkLint = checkLint;
		}

	}

}

package dev.migrator.autoconfigure;

import dev.migrator.core.ChecksumPolicy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration properties for migrator. The defaults repeat the engine's on purpose, so that the generated metadata
 * shows them; {@code MigratorPropertiesTests} keeps the two in step.
 */
@ConfigurationProperties("migrator")
public class MigratorProperties {

	/**
	 * Whether to enable migrator.
	 */
	private boolean enabled = true;

	/**
	 * Folders SQL revision files are loaded from, each prefixed with 'classpath:' or 'filesystem:', replacing the
	 * default folder when set.
	 */
	private List<String> locations = new ArrayList<>(Collections.singletonList("classpath:db/revisions"));

	/**
	 * Packages, with their subpackages, scanned for Java migrations.
	 */
	private List<String> javaPackages = new ArrayList<>();

	/**
	 * Schema of the version and history tables; the connection's default schema when not set.
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
	 * How long a migration statement may wait for a lock before it fails, unless its revision sets its own; no limit
	 * when not set.
	 */
	private Duration lockTimeout;

	/**
	 * How long a migration statement may run before it fails, unless its revision sets its own; no limit when not
	 * set.
	 */
	private Duration statementTimeout;

	/**
	 * How long a runner waits for another runner to release the run lock before it gives up.
	 */
	private Duration lockWait = Duration.ofMinutes(10);

	/**
	 * What an applied revision whose content was edited since does: fail the run or log a warning.
	 */
	private ChecksumPolicy checksumPolicy = ChecksumPolicy.FAIL;

	/**
	 * JDBC URL of the database to migrate, for a DataSource used by migrations only; the application's DataSource
	 * when not set.
	 */
	private String url;

	/**
	 * Login user of the database to migrate, when migrations need another user than the application.
	 */
	private String user;

	/**
	 * Login password of the database to migrate.
	 */
	private String password;

	private final Job job = new Job();

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

	/**
	 * The migration job: the one command an application started with the job profile runs instead of serving.
	 */
	public static class Job {

		/**
		 * Profile that turns the application into the migration job; a profile expression is allowed.
		 */
		private String profile = "migrate";

		/**
		 * Command the migration job runs.
		 */
		private JobCommand command = JobCommand.UPGRADE;

		/**
		 * Target of the command: heads, head, base, a revision id or unique prefix, label@head, +N, -N, id+N or id-N.
		 */
		private String target = "heads";

		/**
		 * Where the script of the 'sql' command starts; the target is where it ends.
		 */
		private String from = "base";

		/**
		 * Range the 'history' command lists, as from:to with either end optional; every revision when empty.
		 */
		private String range = "";

		/**
		 * Whether to end the process with the job's exit code once the command ran, which only a job run inside a
		 * test or a larger program should switch off.
		 */
		private boolean exit = true;

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

	}

}

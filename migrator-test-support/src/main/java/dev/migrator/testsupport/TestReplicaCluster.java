package dev.migrator.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * A PostgreSQL primary with one streaming hot standby, both run from the embedded
 * binaries and private to this instance. There is no pg_basebackup among those binaries:
 * the standby starts as a copy of the freshly initialized, cleanly shut down cluster,
 * which is as good as a base backup taken before the primary's first start.
 */
public final class TestReplicaCluster implements AutoCloseable {

	private static final String APPLICATION_NAME = "migrator_replica";

	private static final Duration STREAMING_TIMEOUT = Duration.ofSeconds(60);

	private static final Duration CREATE_DATABASE_REPLAY_TIMEOUT = Duration.ofSeconds(60);

	private final LocalPostgresServer primary;

	private final LocalPostgresServer standby;

	private final ReplicationProgress replication;

	private final DatabaseNames databaseNames = new DatabaseNames();

	private final Thread shutdownHook;

	private boolean closed;

	private TestReplicaCluster(LocalPostgresServer primary, LocalPostgresServer standby) {
		this.primary = primary;
		this.standby = standby;
		this.replication = new ReplicationProgress(() -> connectPrimary("postgres"), () -> connectReplica("postgres"),
				APPLICATION_NAME, standby::logTail);
		this.shutdownHook = new Thread(this::destroyServers, "migrator-test-pg-replica-stop");
		Runtime.getRuntime().addShutdownHook(this.shutdownHook);
	}

	/**
	 * Starts a NEW primary plus one streaming replica (hot standby) of it, on free ports.
	 * Each call is its own cluster; returns once the standby streams.
	 */
	public static TestReplicaCluster start() {
		LocalPostgresServer primary = null;
		LocalPostgresServer standby = null;
		try {
			primary = LocalPostgresServer.initialize(replicationSettings());
			standby = LocalPostgresServer.copyOf(primary);
			primary.start();
			standby.writeDataFile("standby.signal", "");
			standby
				.configure(Map.of("primary_conninfo", LocalPostgresServer.quoted("host=127.0.0.1 port=" + primary.port()
						+ " user=" + LocalPostgresServer.SUPERUSER + " application_name=" + APPLICATION_NAME)));
			standby.start();
			TestReplicaCluster cluster = new TestReplicaCluster(primary, standby);
			cluster.replication.awaitStreaming(STREAMING_TIMEOUT);
			return cluster;
		}
		catch (RuntimeException ex) {
			String logs = logsOf("primary", primary) + logsOf("standby", standby);
			destroyQuietly(standby);
			destroyQuietly(primary);
			throw new IllegalStateException("Could not start a PostgreSQL primary with a streaming replica from the"
					+ " embedded binaries (" + PostgresBinaries.ARTIFACT + "); replicas need them even when "
					+ TestPostgres.URL_VARIABLE + " is set. " + ex.getMessage() + logs, ex);
		}
	}

	private static Map<String, String> replicationSettings() {
		Map<String, String> settings = new LinkedHashMap<>();
		settings.put("wal_level", "replica");
		settings.put("max_wal_senders", "10");
		// There is no replication slot: a standby that fell behind in receiving still
		// finds its WAL on the primary.
		settings.put("wal_keep_size", LocalPostgresServer.quoted("256MB"));
		settings.put("hot_standby", "on");
		settings.put("hot_standby_feedback", "on");
		// The default 10s would leave pg_stat_replication on the primary that stale; 1s
		// is the minimum.
		settings.put("wal_receiver_status_interval", LocalPostgresServer.quoted("1s"));
		return settings;
	}

	/** JDBC URL of a database on the primary. */
	public String primaryUrl(String database) {
		return JdbcLocation.local(this.primary.port(), LocalPostgresServer.SUPERUSER).url(database);
	}

	/** JDBC URL of a database on the standby, which accepts only reads. */
	public String replicaUrl(String database) {
		return JdbcLocation.local(this.standby.port(), LocalPostgresServer.SUPERUSER).url(database);
	}

	/**
	 * Creates a database on the primary and returns its name. Unless replay is paused, it
	 * returns once the standby has replayed the creation, so that
	 * {@link #replicaUrl(String)} works at once.
	 */
	public String createDatabase() {
		String name = this.databaseNames.next();
		try (Connection connection = connectPrimary("postgres"); Statement statement = connection.createStatement()) {
			statement.execute("CREATE DATABASE " + name);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not create database " + name + " on the primary", ex);
		}
		if (!this.replication.isReplayPaused()) {
			this.replication.awaitReplayed(this.replication.primaryWalTarget(),
					Deadline.after(CREATE_DATABASE_REPLAY_TIMEOUT));
		}
		return name;
	}

	public Connection connectPrimary(String database) throws SQLException {
		return connect(primaryUrl(database));
	}

	public Connection connectReplica(String database) throws SQLException {
		return connect(replicaUrl(database));
	}

	/**
	 * Stops WAL replay on the standby; it keeps receiving WAL, so the primary's view of
	 * its lag grows.
	 */
	public void pauseReplay() {
		executeOnStandby("SELECT pg_wal_replay_pause()");
	}

	/** Lets the standby replay again, from where it stopped. */
	public void resumeReplay() {
		executeOnStandby("SELECT pg_wal_replay_resume()");
	}

	/**
	 * Blocks until the standby has replayed everything the primary has written so far,
	 * and the primary's {@code pg_stat_replication} says so too (the standby reports its
	 * progress about once a second), so that code judging lag from either side sees none.
	 */
	public void awaitReplayCaughtUp(Duration timeout) {
		String target = this.replication.primaryWalTarget();
		Deadline deadline = Deadline.after(timeout);
		this.replication.awaitReplayed(target, deadline);
		this.replication.awaitReportedToPrimary(target, deadline);
	}

	/**
	 * The {@code application_name} the standby gives in {@code primary_conninfo}, as seen
	 * in pg_stat_replication.
	 */
	public String replicaApplicationName() {
		return APPLICATION_NAME;
	}

	/** Stops both servers and deletes their data directories. */
	@Override
	public synchronized void close() {
		if (this.closed) {
			return;
		}
		this.closed = true;
		try {
			Runtime.getRuntime().removeShutdownHook(this.shutdownHook);
		}
		catch (IllegalStateException ex) {
			// The JVM is already shutting down and the hook will run anyway.
		}
		destroyServers();
	}

	LocalPostgresServer primaryServer() {
		return this.primary;
	}

	LocalPostgresServer standbyServer() {
		return this.standby;
	}

	String primaryWalTarget() {
		return this.replication.primaryWalTarget();
	}

	private void executeOnStandby(String sql) {
		try (Connection connection = connectReplica("postgres"); Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not run '" + sql + "' on the standby", ex);
		}
	}

	private static Connection connect(String jdbcUrl) throws SQLException {
		Properties properties = new Properties();
		properties.setProperty("user", LocalPostgresServer.SUPERUSER);
		return DriverManager.getConnection(jdbcUrl, properties);
	}

	private void destroyServers() {
		try {
			this.standby.destroy();
		}
		finally {
			this.primary.destroy();
		}
	}

	private static void destroyQuietly(LocalPostgresServer server) {
		if (server != null) {
			try {
				server.destroy();
			}
			catch (RuntimeException ex) {
				// Already failing; the original error is the one to report.
			}
		}
	}

	private static String logsOf(String role, LocalPostgresServer server) {
		return (server != null) ? "\n--- " + role + " log (" + server.logFile() + ") ---\n" + server.logTail() : "";
	}

}

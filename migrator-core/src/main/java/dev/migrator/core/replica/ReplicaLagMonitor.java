package dev.migrator.core.replica;

import dev.migrator.core.error.ErrorCode;

import dev.migrator.core.error.MigratorException;
import dev.migrator.core.sql.DatabaseMessageRedaction;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Measures replica lag on PostgreSQL: on the primary from {@code pg_stat_replication},
 * and on each configured replica from its own replay position and timestamp. Other
 * databases have no replicas: every measurement is empty. Thread-safe; each call opens
 * and closes its own connections.
 */
public final class ReplicaLagMonitor {

	private static final Logger logger = LoggerFactory.getLogger(ReplicaLagMonitor.class);

	// Distances to the primary's current position. replay_lag is NULL once an idle
	// standby has caught up: 0 then.
	private static final String PRIMARY_QUERY = "SELECT coalesce(application_name, '') AS application_name, "
			+ "coalesce(host(client_addr), '') AS client, coalesce(state, '') AS state, "
			+ "pg_wal_lsn_diff(pg_current_wal_lsn(), sent_lsn)::bigint AS sent_bytes, "
			+ "pg_wal_lsn_diff(pg_current_wal_lsn(), flush_lsn)::bigint AS flushed_bytes, "
			+ "pg_wal_lsn_diff(pg_current_wal_lsn(), replay_lsn)::bigint AS replayed_bytes, "
			+ "coalesce(extract(epoch FROM replay_lag), 0)::float8 AS replay_seconds "
			+ "FROM pg_stat_replication ORDER BY application_name, client";

	// On an idle primary pg_last_xact_replay_timestamp() stays at the last commit, so
	// now() minus it grows without
	// any lag: when the replica has replayed everything it received, it is not behind.
	private static final String REPLICA_QUERY = "SELECT pg_is_in_recovery() AS recovering, "
			+ "coalesce(pg_wal_lsn_diff(pg_last_wal_receive_lsn(), pg_last_wal_replay_lsn()), 0)::bigint AS bytes, "
			+ "CASE WHEN pg_last_wal_receive_lsn() IS NULL OR pg_last_wal_receive_lsn() = pg_last_wal_replay_lsn() "
			+ "THEN 0 ELSE coalesce(extract(epoch FROM now() - pg_last_xact_replay_timestamp()), 0) END::float8 "
			+ "AS seconds, (SELECT conninfo FROM pg_stat_wal_receiver LIMIT 1) AS conninfo";

	private final Optional<DataSource> primary;

	private final List<ReplicaDataSource> replicas;

	// Each misconfiguration is told once, not on every measurement.
	private final Map<String, Boolean> warned = new ConcurrentHashMap<>();

	public ReplicaLagMonitor(Optional<DataSource> primary, List<ReplicaDataSource> replicas) {
		this.primary = Objects.requireNonNull(primary, "primary");
		this.replicas = List.copyOf(replicas);
	}

	/**
	 * The lag of every standby the primary streams to and of every configured replica;
	 * empty on a database without replicas. A replica that cannot be reached is left out
	 * and logged: it is not being written to by anyone.
	 */
	public List<ReplicaLag> measure() {
		List<ReplicaLag> lags = new ArrayList<>();
		if (this.primary.isPresent()) {
			try (Connection connection = this.primary.get().getConnection()) {
				lags.addAll(fromPrimary(connection));
			}
			catch (SQLException ex) {
				throw new MigratorException(ErrorCode.REPLICA_LAG_ERROR,
						"Could not read pg_stat_replication on the primary: "
								+ DatabaseMessageRedaction.redact(ex.getMessage())
								+ ". Check the connection; the user needs the pg_monitor role to see "
								+ "standby positions.",
						ex);
			}
		}
		return SameStandby.combine(lags, readReplicas());
	}

	/**
	 * Like {@link #measure()}, but reads the primary's view on a connection the caller
	 * already has (in autocommit), as a worker does between its batches.
	 */
	public List<ReplicaLag> measure(Connection primary) throws SQLException {
		return SameStandby.combine(fromPrimary(primary), readReplicas());
	}

	private List<ReplicaReading> readReplicas() {
		List<ReplicaReading> readings = new ArrayList<>();
		for (ReplicaDataSource replica : this.replicas) {
			read(replica).ifPresent(readings::add);
		}
		return readings;
	}

	/**
	 * What the primary behind this connection knows of its standbys, as throttle figures.
	 */
	public List<ReplicaLag> fromPrimary(Connection connection) throws SQLException {
		return standbys(connection).stream().map(StandbyLag::toLag).toList();
	}

	/**
	 * Each standby's sent, flushed and replayed distance; empty unless the connection is
	 * to PostgreSQL.
	 */
	public List<StandbyLag> standbys(Connection connection) throws SQLException {
		if (!isPostgres(connection)) {
			return List.of();
		}
		List<StandbyLag> standbys = new ArrayList<>();
		try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(PRIMARY_QUERY)) {
			while (rs.next()) {
				long replayed = rs.getLong("replayed_bytes");
				if (rs.wasNull()) {
					// The positions are hidden from users without pg_monitor: a lag we
					// cannot see must not read as 0.
					warnOnce("pg_monitor", "pg_stat_replication hides standby positions from this user; grant it the "
							+ "pg_monitor role so that replica lag can be measured and throttled on.");
					continue;
				}
				standbys.add(new StandbyLag(rs.getString("application_name"), rs.getString("client"),
						rs.getString("state"), rs.getLong("sent_bytes"), rs.getLong("flushed_bytes"), replayed,
						rs.getDouble("replay_seconds")));
			}
		}
		return List.copyOf(standbys);
	}

	/**
	 * The replica's own view of its lag; empty when it cannot be reached or is not a
	 * PostgreSQL standby.
	 */
	public Optional<ReplicaLag> fromReplica(ReplicaDataSource replica) {
		return read(replica).map(ReplicaReading::lag);
	}

	private Optional<ReplicaReading> read(ReplicaDataSource replica) {
		try (Connection connection = replica.dataSource().getConnection()) {
			if (!isPostgres(connection)) {
				return Optional.empty();
			}
			try (Statement statement = connection.createStatement();
					ResultSet rs = statement.executeQuery(REPLICA_QUERY)) {
				rs.next();
				if (!rs.getBoolean("recovering")) {
					warnOnce("primary:" + replica.name(),
							"The replica data source " + replica.name()
									+ " is not a standby (pg_is_in_recovery() is false), so it has no lag to measure. "
									+ "Point it at a replica.");
					return Optional.empty();
				}
				this.warned.remove("down:" + replica.name());
				ReplicaLag lag = new ReplicaLag(replica.name(), rs.getLong("bytes"), rs.getDouble("seconds"),
						LagSource.REPLICA);
				return Optional.of(new ReplicaReading(lag,
						WalReceiverConnection.applicationName(Objects.toString(rs.getString("conninfo"), ""))));
			}
		}
		catch (SQLException ex) {
			warnOnce("down:" + replica.name(), "Could not measure the lag of replica " + replica.name() + ": "
					+ DatabaseMessageRedaction.redact(ex.getMessage()) + ". It is left out until it answers again.");
			return Optional.empty();
		}
	}

	private void warnOnce(String key, String message) {
		if (this.warned.putIfAbsent(key, Boolean.TRUE) == null) {
			logger.warn(message);
		}
	}

	private static boolean isPostgres(Connection connection) throws SQLException {
		return connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
	}

}

package dev.migrator.core.fleet;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.migrator.core.dialect.Dialect;

/**
 * The fleet run table in the main database (PostgreSQL): one row per target per run,
 * through which several job processes share a run. A process claims a row with
 * {@code FOR UPDATE SKIP LOCKED}, so two never claim one target, and holds it with a
 * lease it renews; a row whose lease expired (its process was killed) is claimed again.
 * Only the lowest wave that has a target not yet succeeded is claimable, and nothing is
 * claimable once more targets failed than the budget allows.
 */
public final class RunTable {

	private final String table;

	private final Optional<String> schema;

	private final Dialect dialect;

	private final String name;

	public RunTable(Dialect dialect, Optional<String> schema, String name) {
		this.dialect = dialect;
		this.schema = schema;
		this.name = name;
		this.table = dialect.qualify(schema, name);
	}

	public String name() {
		return this.name;
	}

	/**
	 * Creates the table if missing and adds the targets of the run that have no row yet.
	 * Failed targets start over when the run ended a lease ago (nothing running, nothing
	 * finished since): a new job is a new attempt, while processes started together share
	 * one. Serialized by a transaction-level advisory lock, so that processes started at
	 * once do not race to create the table.
	 */
	public void register(Connection connection, String runKey, List<FleetTarget> targets, int[] waves, Duration lease)
			throws SQLException {
		connection.setAutoCommit(false);
		try {
			try (PreparedStatement lock = connection.prepareStatement("SELECT pg_advisory_xact_lock(hashtext(?))")) {
				lock.setString(1, "migrator-fleet:" + this.table);
				lock.execute();
			}
			try (Statement statement = connection.createStatement()) {
				if (this.schema.isPresent()) {
					statement.execute("CREATE SCHEMA IF NOT EXISTS " + this.dialect.quote(this.schema.get()));
				}
				statement.execute("CREATE TABLE IF NOT EXISTS " + this.table
						+ " (run_key varchar(1000) NOT NULL, target varchar(1000) NOT NULL, "
						+ "kind varchar(16) NOT NULL, position integer NOT NULL, wave integer NOT NULL, state varchar(16) NOT NULL, owner varchar(255), "
						+ "lease_until timestamptz, attempts integer NOT NULL DEFAULT 0, detail text, "
						+ "started_at timestamptz, finished_at timestamptz, PRIMARY KEY (run_key, target))");
			}
			try (PreparedStatement restart = connection.prepareStatement("UPDATE " + this.table
					+ " SET state = 'pending', owner = NULL, detail = NULL WHERE run_key = ? AND state = 'failed' "
					+ "AND NOT EXISTS (SELECT 1 FROM " + this.table
					+ " r WHERE r.run_key = ? AND ((r.state = 'running' "
					+ "AND r.lease_until > now()) OR r.finished_at > now() - make_interval(secs => ?)))")) {
				restart.setString(1, runKey);
				restart.setString(2, runKey);
				restart.setDouble(3, seconds(lease));
				restart.executeUpdate();
			}
			try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + this.table
					+ " (run_key, target, kind, position, wave, state) VALUES (?, ?, ?, ?, ?, 'pending') "
					+ "ON CONFLICT (run_key, target) DO NOTHING")) {
				for (int i = 0; i < targets.size(); i++) {
					insert.setString(1, runKey);
					insert.setString(2, targets.get(i).name());
					insert.setString(3, targets.get(i).kind());
					insert.setInt(4, i);
					insert.setInt(5, waves[i]);
					insert.addBatch();
				}
				insert.executeBatch();
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
	}

	/**
	 * Claims the next claimable target for the owner, if any, as the table records it (a
	 * database without its credentials: the caller finds its own target by name).
	 */
	public Optional<FleetTarget> claim(Connection connection, String runKey, String owner, Duration lease,
			int maxFailures) throws SQLException {
		try (PreparedStatement claim = connection.prepareStatement("UPDATE " + this.table
				+ " SET state = 'running', owner = ?, lease_until = now() + make_interval(secs => ?), "
				+ "attempts = attempts + 1, started_at = now(), finished_at = NULL, detail = NULL "
				+ "WHERE run_key = ? AND target = (SELECT c.target FROM " + this.table + " c WHERE c.run_key = ? "
				+ "AND (c.state = 'pending' OR (c.state = 'running' AND c.lease_until < now())) "
				+ "AND c.wave = (SELECT min(w.wave) FROM " + this.table + " w WHERE w.run_key = ? "
				+ "AND w.state <> 'succeeded') AND (SELECT count(*) FROM " + this.table
				+ " f WHERE f.run_key = ? AND f.state = 'failed') <= ? "
				+ "ORDER BY c.position LIMIT 1 FOR UPDATE SKIP LOCKED) RETURNING target, kind")) {
			claim.setString(1, owner);
			claim.setDouble(2, seconds(lease));
			claim.setString(3, runKey);
			claim.setString(4, runKey);
			claim.setString(5, runKey);
			claim.setString(6, runKey);
			claim.setInt(7, maxFailures);
			try (ResultSet row = claim.executeQuery()) {
				return row.next() ? Optional.of(recorded(row.getString(2), row.getString(1))) : Optional.empty();
			}
		}
	}

	/** Renews the leases of every target the owner runs. */
	public void renew(Connection connection, String runKey, String owner, Duration lease) throws SQLException {
		try (PreparedStatement renew = connection.prepareStatement("UPDATE " + this.table
				+ " SET lease_until = now() + make_interval(secs => ?) WHERE run_key = ? AND owner = ? "
				+ "AND state = 'running'")) {
			renew.setDouble(1, seconds(lease));
			renew.setString(2, runKey);
			renew.setString(3, owner);
			renew.executeUpdate();
		}
	}

	/**
	 * Records how the owner's run of a target ended; false when the owner no longer held
	 * it (its lease expired and another process took it over).
	 */
	public boolean finish(Connection connection, String runKey, FleetTarget target, String owner, TargetOutcome outcome)
			throws SQLException {
		try (PreparedStatement finish = connection.prepareStatement("UPDATE " + this.table
				+ " SET state = ?, detail = ?, finished_at = now(), lease_until = NULL WHERE run_key = ? "
				+ "AND target = ? AND owner = ? AND state = 'running'")) {
			finish.setString(1, (outcome.succeeded() ? TargetState.SUCCEEDED : TargetState.FAILED).label());
			finish.setString(2, outcome.detail());
			finish.setString(3, runKey);
			finish.setString(4, target.name());
			finish.setString(5, owner);
			return finish.executeUpdate() == 1;
		}
	}

	/**
	 * Whether a worker should stop looking for work: more targets failed than the budget
	 * allows, or the lowest unfinished wave has nothing pending or running (all done, or
	 * blocked by a failure).
	 */
	public boolean over(Connection connection, String runKey, int maxFailures) throws SQLException {
		try (PreparedStatement over = connection.prepareStatement("SELECT (SELECT count(*) FROM " + this.table
				+ " WHERE run_key = ? AND state = 'failed'), (SELECT count(*) FROM " + this.table
				+ " o WHERE o.run_key = ? AND o.state IN ('pending', 'running') AND o.wave = (SELECT min(w.wave) FROM "
				+ this.table + " w WHERE w.run_key = ? AND w.state <> 'succeeded'))")) {
			over.setString(1, runKey);
			over.setString(2, runKey);
			over.setString(3, runKey);
			try (ResultSet row = over.executeQuery()) {
				row.next();
				return row.getLong(1) > maxFailures || row.getLong(2) == 0;
			}
		}
	}

	/** Every target of the run, in rollout order. */
	public List<TargetResult> read(Connection connection, String runKey) throws SQLException {
		List<TargetResult> results = new ArrayList<>();
		try (PreparedStatement read = connection
			.prepareStatement("SELECT target, wave, state, detail, owner, " + "started_at, finished_at, kind FROM "
					+ this.table + " WHERE run_key = ? ORDER BY position, target")) {
			read.setString(1, runKey);
			try (ResultSet rows = read.executeQuery()) {
				while (rows.next()) {
					Timestamp started = rows.getTimestamp(6);
					Timestamp finished = rows.getTimestamp(7);
					Optional<Duration> duration = (started != null && finished != null)
							? Optional.of(Duration.between(started.toInstant(), finished.toInstant()))
							: Optional.empty();
					results.add(new TargetResult(recorded(rows.getString(8), rows.getString(1)), rows.getInt(2),
							TargetState.of(rows.getString(3)), Optional.ofNullable(rows.getString(4)),
							Optional.ofNullable(rows.getString(5)), duration));
				}
			}
		}
		return results;
	}

	/** The run whose targets started or finished last, if the table has any. */
	public Optional<String> latestRun(Connection connection) throws SQLException {
		if (!this.dialect.tableExists(connection, this.schema, this.name)) {
			return Optional.empty();
		}
		try (PreparedStatement latest = connection.prepareStatement("SELECT run_key FROM " + this.table
				+ " GROUP BY run_key ORDER BY max(coalesce(finished_at, started_at)) DESC NULLS LAST LIMIT 1");
				ResultSet row = latest.executeQuery()) {
			return row.next() ? Optional.of(row.getString(1)) : Optional.empty();
		}
	}

	/**
	 * A target as the table records it: by name, so a database without its credentials
	 * (enough to report on it, not to connect).
	 */
	private static FleetTarget recorded(String kind, String name) {
		return FleetTarget.Database.KIND.equals(kind) ? FleetTarget.database(name) : FleetTarget.schema(name);
	}

	private static double seconds(Duration duration) {
		return duration.toMillis() / 1000.0;
	}

}

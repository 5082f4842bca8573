package dev.migrator.testsupport;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * Watches one primary and its standby over JDBC: whether the standby streams, and how far
 * it has replayed.
 */
final class ReplicationProgress {

	private final Connector primary;

	private final Connector standby;

	private final String applicationName;

	private final Supplier<String> standbyLog;

	ReplicationProgress(Connector primary, Connector standby, String applicationName, Supplier<String> standbyLog) {
		this.primary = primary;
		this.standby = standby;
		this.applicationName = applicationName;
		this.standbyLog = standbyLog;
	}

	void awaitStreaming(Duration timeout) {
		try (Connection connection = this.primary.connect();
				PreparedStatement streaming = connection.prepareStatement("SELECT count(*) > 0 FROM pg_stat_replication"
						+ " WHERE application_name = ? AND state = 'streaming'")) {
			streaming.setString(1, this.applicationName);
			Deadline.after(timeout)
				.await(() -> isTrue(streaming),
						() -> "The standby did not start streaming within " + timeout.toSeconds() + "s");
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not check pg_stat_replication on the primary", ex);
		}
	}

	/**
	 * The primary's insert position rather than pg_current_wal_lsn(): with
	 * synchronous_commit off, a commit can still sit in WAL buffers that have not been
	 * written. An insert position right after a page header is where no record ends (the
	 * last one ended at the page boundary), so it is moved back to the boundary.
	 */
	String primaryWalTarget() {
		try (Connection connection = this.primary.connect();
				Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery("SELECT pg_current_wal_insert_lsn(),"
						+ " (SELECT setting::int FROM pg_settings WHERE name = 'wal_block_size'),"
						+ " (SELECT setting::bigint FROM pg_settings WHERE name = 'wal_segment_size')")) {
			result.next();
			return WalPosition.parse(result.getString(1))
				.backOverPageHeader(result.getInt(2), result.getLong(3))
				.toString();
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not read the primary's WAL position", ex);
		}
	}

	void awaitReplayed(String target, Deadline deadline) {
		try (Connection connection = this.standby.connect();
				PreparedStatement replayed = connection
					.prepareStatement("SELECT pg_last_wal_replay_lsn() >= ?::pg_lsn")) {
			replayed.setString(1, target);
			deadline.await(() -> isTrue(replayed), () -> "The standby did not replay up to " + target + " in time: "
					+ standbyProgress(connection) + "\n--- standby log ---\n" + this.standbyLog.get());
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not follow replay on the standby", ex);
		}
	}

	// The standby reports its replay position to the primary only about once a second.
	void awaitReportedToPrimary(String target, Deadline deadline) {
		try (Connection connection = this.primary.connect();
				PreparedStatement reported = connection.prepareStatement(
						"SELECT replay_lsn >= ?::pg_lsn FROM pg_stat_replication WHERE application_name = ?")) {
			reported.setString(1, target);
			reported.setString(2, this.applicationName);
			deadline.await(() -> isTrue(reported), () -> "The standby replayed up to " + target
					+ " but pg_stat_replication on the primary did not show it in time");
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not read pg_stat_replication on the primary", ex);
		}
	}

	boolean isReplayPaused() {
		try (Connection connection = this.standby.connect();
				Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery("SELECT pg_get_wal_replay_pause_state()")) {
			result.next();
			return !"not paused".equals(result.getString(1));
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not read the standby's replay state", ex);
		}
	}

	private static String standbyProgress(Connection standby) {
		try (Statement statement = standby.createStatement();
				ResultSet result = statement.executeQuery("SELECT pg_last_wal_replay_lsn(), pg_last_wal_receive_lsn(),"
						+ " pg_get_wal_replay_pause_state()")) {
			result.next();
			return "replayed up to " + result.getString(1) + ", received up to " + result.getString(2) + ", replay "
					+ result.getString(3);
		}
		catch (SQLException ex) {
			return "(could not read its progress: " + ex.getMessage() + ")";
		}
	}

	private static boolean isTrue(PreparedStatement query) throws SQLException {
		try (ResultSet result = query.executeQuery()) {
			return result.next() && result.getBoolean(1);
		}
	}

	@FunctionalInterface
	interface Connector {

		Connection connect() throws SQLException;

	}

}

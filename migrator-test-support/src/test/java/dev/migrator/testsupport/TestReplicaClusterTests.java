package dev.migrator.testsupport;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static dev.migrator.testsupport.TestPostgresTests.queryString;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class TestReplicaClusterTests {

	private static final Duration CATCH_UP = Duration.ofSeconds(30);

	private static TestReplicaCluster cluster;

	@BeforeAll
	static void startCluster() {
		cluster = TestReplicaCluster.start();
	}

	@AfterAll
	static void closeCluster() {
		cluster.close();
	}

	@Test
	void rowsInsertedOnThePrimaryCanBeReadOnTheReplica() throws SQLException {
		String database = cluster.createDatabase();
		try (Connection primary = cluster.connectPrimary(database); Statement statement = primary.createStatement()) {
			statement.execute("CREATE TABLE account (id int PRIMARY KEY, name text)");
			statement.execute("INSERT INTO account VALUES (1, 'ada'), (2, 'grace')");
		}
		cluster.awaitReplayCaughtUp(CATCH_UP);
		try (Connection replica = cluster.connectReplica(database)) {
			assertThat(queryString(replica, "SELECT string_agg(name, ',' ORDER BY id) FROM account"))
				.isEqualTo("ada,grace");
		}
	}

	@Test
	void createdDatabaseIsAtOnceReachableOnTheReplica() throws SQLException {
		String database = cluster.createDatabase();
		try (Connection replica = cluster.connectReplica(database)) {
			assertThat(queryString(replica, "SELECT current_database()")).isEqualTo(database);
		}
	}

	@Test
	void replicaIsAHotStandbyThatRefusesWrites() throws SQLException {
		try (Connection replica = cluster.connectReplica("postgres")) {
			assertThat(queryString(replica, "SELECT pg_is_in_recovery()")).isEqualTo("t");
			assertThatExceptionOfType(SQLException.class)
				.isThrownBy(() -> replica.createStatement().execute("CREATE TABLE refused (id int)"))
				.withMessageContaining("read-only");
		}
		try (Connection primary = cluster.connectPrimary("postgres")) {
			assertThat(queryString(primary, "SELECT pg_is_in_recovery()")).isEqualTo("f");
		}
	}

	@Test
	void primaryListsTheReplicaUnderItsApplicationName() throws SQLException {
		try (Connection primary = cluster.connectPrimary("postgres");
				PreparedStatement query = primary
					.prepareStatement("SELECT state FROM pg_stat_replication WHERE application_name = ?")) {
			query.setString(1, cluster.replicaApplicationName());
			try (ResultSet result = query.executeQuery()) {
				assertThat(result.next()).isTrue();
				assertThat(result.getString(1)).isEqualTo("streaming");
			}
		}
	}

	@Test
	void urlsPointAtTwoDifferentServers() throws SQLException {
		try (Connection primary = cluster.connectPrimary("postgres");
				Connection replica = cluster.connectReplica("postgres")) {
			assertThat(queryString(primary, "SELECT inet_server_port()"))
				.isNotEqualTo(queryString(replica, "SELECT inet_server_port()"));
			assertThat(queryString(primary, "SELECT system_identifier FROM pg_control_system()"))
				.isEqualTo(queryString(replica, "SELECT system_identifier FROM pg_control_system()"));
		}
		assertThat(cluster.primaryUrl("x")).isNotEqualTo(cluster.replicaUrl("x"));
	}

	@Test
	void pausedReplayHidesNewRowsAndGrowsTheLagUntilResumed() throws Exception {
		String database = cluster.createDatabase();
		try (Connection primary = cluster.connectPrimary(database);
				Connection replica = cluster.connectReplica(database);
				Statement statement = primary.createStatement()) {
			statement.execute("CREATE TABLE event (id int)");
			statement.execute("INSERT INTO event VALUES (1)");
			cluster.awaitReplayCaughtUp(CATCH_UP);
			cluster.pauseReplay();
			try {
				long lagBefore = replayLagBytes(primary);
				statement.execute("INSERT INTO event SELECT generate_series(2, 1000)");
				awaitReceivedByStandby(replica);
				long lagAfterFirstBatch = replayLagBytes(primary);
				statement.execute("INSERT INTO event SELECT generate_series(1001, 2000)");
				awaitReceivedByStandby(replica);
				long lagAfterSecondBatch = replayLagBytes(primary);

				assertThat(queryString(replica, "SELECT count(*) FROM event")).isEqualTo("1");
				assertThat(lagAfterFirstBatch).isGreaterThan(lagBefore);
				assertThat(lagAfterSecondBatch).isGreaterThan(lagAfterFirstBatch);
			}
			finally {
				cluster.resumeReplay();
			}
			cluster.awaitReplayCaughtUp(CATCH_UP);
			assertThat(queryString(replica, "SELECT count(*) FROM event")).isEqualTo("2000");
		}
	}

	@Test
	void awaitReplayCaughtUpFailsClearlyWhileReplayIsPaused() throws SQLException {
		String database = cluster.createDatabase();
		cluster.pauseReplay();
		try {
			try (Connection primary = cluster.connectPrimary(database)) {
				primary.createStatement().execute("CREATE TABLE not_replayed (id int)");
			}
			assertThatIllegalStateException().isThrownBy(() -> cluster.awaitReplayCaughtUp(Duration.ofMillis(300)))
				.withMessageContaining("did not replay")
				.withMessageContaining("pause");
		}
		finally {
			cluster.resumeReplay();
		}
		cluster.awaitReplayCaughtUp(CATCH_UP);
	}

	@Test
	void closeStopsBothServersAndDeletesTheirDirectories() {
		TestReplicaCluster own = TestReplicaCluster.start();
		own.close();
		assertThat(own.primaryServer().directory()).doesNotExist();
		assertThat(own.standbyServer().directory()).doesNotExist();
		assertThatExceptionOfType(SQLException.class).isThrownBy(() -> own.connectPrimary("postgres").close());
		assertThatExceptionOfType(SQLException.class).isThrownBy(() -> own.connectReplica("postgres").close());
	}

	private static long replayLagBytes(Connection primary) throws SQLException {
		try (PreparedStatement query = primary
			.prepareStatement("SELECT pg_wal_lsn_diff(pg_current_wal_lsn(), replay_lsn)"
					+ " FROM pg_stat_replication WHERE application_name = ?")) {
			query.setString(1, cluster.replicaApplicationName());
			try (ResultSet result = query.executeQuery()) {
				assertThat(result.next()).as("the replica in pg_stat_replication").isTrue();
				return result.getLong(1);
			}
		}
	}

	// Only WAL the standby has received proves that it is replay, not shipping, that
	// holds the rows back.
	private static void awaitReceivedByStandby(Connection replica) throws Exception {
		String written = cluster.primaryWalTarget();
		long deadline = System.nanoTime() + CATCH_UP.toNanos();
		while (!"t".equals(queryString(replica, "SELECT pg_last_wal_receive_lsn() >= '" + written + "'::pg_lsn"))) {
			assertThat(System.nanoTime()).as("standby receives WAL up to %s", written).isLessThan(deadline);
			Thread.sleep(20);
		}
	}

}

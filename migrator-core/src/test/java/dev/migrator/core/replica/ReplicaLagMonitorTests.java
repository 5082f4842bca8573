package dev.migrator.core.replica;

import dev.migrator.core.Migrator;
import dev.migrator.core.config.MigratorConfig;
import dev.migrator.testsupport.TestReplicaCluster;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Replica lag as the primary reports it and as a replica reports itself, on a real
 * streaming standby.
 */
class ReplicaLagMonitorTests {

	private final TestReplicaCluster cluster = SharedReplicaCluster.get();

	@Test
	void thePrimaryReportsTheStandbyByApplicationNameBehindWhileReplayIsPausedAndCaughtUpAfter() throws Exception {
		String database = SharedReplicaCluster.createDatabase();
		DataSource primary = SharedReplicaCluster.primary(database);
		DataSource replica = SharedReplicaCluster.replica(database);
		Migrator migrator = Migrator.create(MigratorConfig.builder().dataSource(primary).locations(List.of()).build());
		this.cluster.pauseReplay();
		try {
			SharedReplicaCluster.writeWal(primary, 2);

			ReplicaLag fromPrimary = SharedReplicaCluster.awaitPrimaryReportsBehind(migrator, 1024 * 1024);
			assertThat(fromPrimary.bytes()).isGreaterThan(1024 * 1024);
			ReplicaLag fromReplica = new ReplicaLagMonitor(Optional.empty(), List.of())
				.fromReplica(new ReplicaDataSource("replica-1", replica))
				.orElseThrow();
			assertThat(fromReplica.bytes()).as("received, not replayed").isGreaterThan(0);
			assertThat(fromReplica.seconds()).as("replay stands still while WAL arrives").isGreaterThan(0);
			try (Connection connection = primary.getConnection()) {
				StandbyLag standby = new ReplicaLagMonitor(Optional.empty(), List.of()).standbys(connection)
					.stream()
					.filter((s) -> s.applicationName().equals(this.cluster.replicaApplicationName()))
					.findFirst()
					.orElseThrow();
				assertThat(standby.state()).isEqualTo("streaming");
				assertThat(standby.sentBytes()).isLessThanOrEqualTo(standby.flushedBytes());
				assertThat(standby.flushedBytes()).isLessThanOrEqualTo(standby.replayedBytes());
				assertThat(standby.replayedBytes()).isGreaterThan(1024 * 1024);
			}
		}
		finally {
			this.cluster.resumeReplay();
		}
		this.cluster.awaitReplayCaughtUp(Duration.ofSeconds(30));

		List<ReplicaLag> caughtUp = migrator.replicaLag();
		assertThat(lag(caughtUp, this.cluster.replicaApplicationName(), LagSource.PRIMARY).bytes())
			.isLessThan(64 * 1024);
	}

	@Test
	void aConfiguredReplicaThatStreamsFromThePrimaryIsListedOnceWithTheLargerLagOfBothViews() throws Exception {
		String database = SharedReplicaCluster.createDatabase();
		DataSource primary = SharedReplicaCluster.primary(database);
		DataSource replica = SharedReplicaCluster.replica(database);
		Migrator withoutReplica = Migrator
			.create(MigratorConfig.builder().dataSource(primary).locations(List.of()).build());
		Migrator withReplica = Migrator.create(MigratorConfig.builder()
			.dataSource(primary)
			.replica("replica-1", replica)
			.locations(List.of())
			.build());
		this.cluster.pauseReplay();
		try {
			SharedReplicaCluster.writeWal(primary, 2);
			ReplicaLag primaryView = SharedReplicaCluster.awaitPrimaryReportsBehind(withoutReplica, 1024 * 1024);

			List<ReplicaLag> lags = withReplica.replicaLag();

			assertThat(lags).extracting(ReplicaLag::replica)
				.as("one standby, one entry")
				.containsOnlyOnce("replica-1")
				.doesNotContain(this.cluster.replicaApplicationName());
			ReplicaLag merged = lag(lags, "replica-1", LagSource.REPLICA);
			assertThat(merged.bytes()).as("replay is paused: the primary's distance only grows")
				.isGreaterThanOrEqualTo(primaryView.bytes());
			assertThat(merged.seconds()).isGreaterThan(0);
		}
		finally {
			this.cluster.resumeReplay();
		}
		this.cluster.awaitReplayCaughtUp(Duration.ofSeconds(30));
		assertThat(withReplica.replicaLag()).extracting(ReplicaLag::replica)
			.containsOnlyOnce("replica-1")
			.doesNotContain(this.cluster.replicaApplicationName());
	}

	@Test
	void anIdleCaughtUpReplicaIsNotLaggedThoughItsLastReplayedCommitIsOld() throws Exception {
		String database = SharedReplicaCluster.createDatabase();
		DataSource primary = SharedReplicaCluster.primary(database);
		DataSource replica = SharedReplicaCluster.replica(database);
		SharedReplicaCluster.writeWal(primary, 0);
		this.cluster.awaitReplayCaughtUp(Duration.ofSeconds(30));
		// Other tests share this cluster and may commit meanwhile: wait, within a bound,
		// until
		// the last replayed commit is over a second old, as on any idle replica.
		double naive = 0;
		long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
		while (naive <= 1.0 && System.nanoTime() < deadline) {
			Thread.sleep(500);
			try (Connection connection = replica.getConnection();
					Statement statement = connection.createStatement();
					ResultSet rs = statement
						.executeQuery("SELECT extract(epoch FROM now() - pg_last_xact_replay_timestamp())::float8")) {
				rs.next();
				naive = rs.getDouble(1);
			}
		}
		assertThat(naive).as("the naive measure would call this lag").isGreaterThan(1.0);

		Optional<ReplicaLag> lag = new ReplicaLagMonitor(Optional.empty(), List.of())
			.fromReplica(new ReplicaDataSource("replica-1", replica));

		assertThat(lag).hasValueSatisfying((idle) -> {
			assertThat(idle.replica()).isEqualTo("replica-1");
			assertThat(idle.source()).isEqualTo(LagSource.REPLICA);
			assertThat(idle.bytes()).isZero();
			assertThat(idle.seconds()).isZero();
		});
	}

	@Test
	void aReplicaDataSourceThatIsNotAStandbyIsLeftOut() {
		String database = SharedReplicaCluster.createDatabase();
		Optional<ReplicaLag> lag = new ReplicaLagMonitor(Optional.empty(), List.of())
			.fromReplica(new ReplicaDataSource("not-a-replica", SharedReplicaCluster.primary(database)));
		assertThat(lag).isEmpty();
	}

	private static ReplicaLag lag(List<ReplicaLag> lags, String replica, LagSource source) {
		return lags.stream()
			.filter((lag) -> lag.replica().equals(replica) && lag.source() == source)
			.findFirst()
			.orElseThrow(() -> new AssertionError("No " + source.label() + " lag for " + replica + " in " + lags));
	}

}

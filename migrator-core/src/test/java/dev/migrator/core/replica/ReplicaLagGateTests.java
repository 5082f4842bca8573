package dev.migrator.core.replica;

import dev.migrator.core.Migrator;
import dev.migrator.core.config.MigratorConfig;
import dev.migrator.core.command.RunResult;
import dev.migrator.core.script.LagLimits;
import dev.migrator.testsupport.TestReplicaCluster;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A chain of revisions waits while a real standby lags beyond the limit, and goes on once
 * it has caught up.
 */
class ReplicaLagGateTests {

	private static final long LIMIT = 1024 * 1024;

	@TempDir
	Path revisions;

	@Test
	void revisionsWaitWhileTheStandbyLagsAndRunOnceItCatchesUp() throws Exception {
		TestReplicaCluster cluster = SharedReplicaCluster.get();
		DataSource primary = SharedReplicaCluster.primary(SharedReplicaCluster.createDatabase());
		Files.writeString(this.revisions.resolve("0001_a.sql"),
				"-- migrator:revision 0001_a\n-- migrator:upgrade\nCREATE TABLE a (id integer);\n");
		Files.writeString(this.revisions.resolve("0002_b.sql"),
				"-- migrator:revision 0002_b\n-- migrator:revises 0001_a\n-- migrator:upgrade\nCREATE TABLE b (id integer);\n");
		Migrator migrator = Migrator.create(MigratorConfig.builder()
			.dataSource(primary)
			.locations("filesystem:" + this.revisions)
			.replicaLagLimits(LagLimits.bytes(LIMIT))
			.replicaLagPollInterval(Duration.ofMillis(100))
			.build());
		cluster.pauseReplay();
		CompletableFuture<RunResult> run;
		try {
			SharedReplicaCluster.writeWal(primary, 3);
			SharedReplicaCluster.awaitPrimaryReportsBehind(migrator, LIMIT);
			run = CompletableFuture.supplyAsync(() -> migrator.upgrade("heads"));
			Thread.sleep(1500);
			assertThat(run).as("the upgrade waits while the standby lags").isNotDone();
			assertThat(tableCount(primary)).as("no revision ran meanwhile").isZero();
		}
		finally {
			cluster.resumeReplay();
		}
		RunResult result = run.get(60, TimeUnit.SECONDS);
		assertThat(result.steps()).extracting((step) -> step.revision()).containsExactly("0001_a", "0002_b");
		assertThat(tableCount(primary)).isEqualTo(2);
	}

	@Test
	void withoutLimitsRevisionsDoNotMeasureLag() throws Exception {
		DataSource primary = SharedReplicaCluster.primary(SharedReplicaCluster.createDatabase());
		Files.writeString(this.revisions.resolve("0001_a.sql"),
				"-- migrator:revision 0001_a\n-- migrator:upgrade\nCREATE TABLE a (id integer);\n");
		TestReplicaCluster cluster = SharedReplicaCluster.get();
		cluster.pauseReplay();
		try {
			SharedReplicaCluster.writeWal(primary, 2);
			RunResult result = Migrator
				.create(MigratorConfig.builder().dataSource(primary).locations("filesystem:" + this.revisions).build())
				.upgrade("heads");
			assertThat(result.steps()).hasSize(1);
		}
		finally {
			cluster.resumeReplay();
		}
	}

	private static long tableCount(DataSource dataSource) throws Exception {
		try (Connection connection = dataSource.getConnection();
				Statement statement = connection.createStatement();
				ResultSet rs = statement
					.executeQuery("SELECT count(*) FROM information_schema.tables WHERE table_name IN ('a', 'b')")) {
			rs.next();
			return rs.getLong(1);
		}
	}

}

package dev.migrator.core.replica;

import dev.migrator.core.Migrator;
import dev.migrator.testsupport.TestDataSources;
import dev.migrator.testsupport.TestReplicaCluster;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;

import javax.sql.DataSource;

/**
 * One primary with a streaming replica for every test of this JVM that needs one:
 * starting a cluster costs seconds. Tests that pause replay resume it before they end;
 * the cluster stops with the JVM.
 */
public final class SharedReplicaCluster {

	private static TestReplicaCluster cluster;

	private SharedReplicaCluster() {
	}

	public static synchronized TestReplicaCluster get() {
		if (cluster == null) {
			cluster = TestReplicaCluster.start();
		}
		return cluster;
	}

	/** A fresh database on the primary, replayed on the standby; its name. */
	public static String createDatabase() {
		return get().createDatabase();
	}

	public static DataSource primary(String database) {
		return dataSource(get().primaryUrl(database));
	}

	public static DataSource replica(String database) {
		return dataSource(get().replicaUrl(database));
	}

	/** Writes about {@code megabytes} of WAL on the primary. */
	public static void writeWal(DataSource primary, int megabytes) throws SQLException {
		try (Connection connection = primary.getConnection(); Statement statement = connection.createStatement()) {
			statement.execute("CREATE TABLE IF NOT EXISTS wal_filler (id bigserial PRIMARY KEY, payload text)");
			// About 1 kB of WAL a row, counting the tuple and its index entry.
			statement
				.execute("INSERT INTO wal_filler (payload) SELECT repeat(md5(g::text), 28) FROM generate_series(1, "
						+ megabytes * 1024 + ") g");
		}
	}

	/**
	 * Waits until the primary reports the standby more than {@code bytes} behind: the
	 * test servers commit without waiting for the WAL flush, so the primary's WAL
	 * position moves on a moment after the write returns.
	 */
	public static ReplicaLag awaitPrimaryReportsBehind(Migrator migrator, long bytes) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
		while (true) {
			Optional<ReplicaLag> lag = migrator.replicaLag()
				.stream()
				.filter((l) -> l.source() == LagSource.PRIMARY && l.replica().equals(get().replicaApplicationName()))
				.findFirst();
			if (lag.isPresent() && lag.get().bytes() > bytes) {
				return lag.get();
			}
			if (System.nanoTime() > deadline) {
				throw new AssertionError(
						"The primary did not report the standby " + bytes + " bytes behind within 20s: " + lag);
			}
			Thread.sleep(20);
		}
	}

	private static DataSource dataSource(String url) {
		return TestDataSources.postgres(url, "postgres", null);
	}

}

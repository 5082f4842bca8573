package dev.migrator.core.replica;

import java.util.Objects;
import java.util.Optional;

/**
 * What a configured replica says of itself: its lag, and the name the primary knows it by
 * when it can tell.
 *
 * @param lag the replica's own view of its lag
 * @param standbyName the {@code application_name} its WAL receiver gives the primary;
 * empty when the replica does not show its connection (the user lacks
 * {@code pg_read_all_stats}) or is not streaming
 */
record ReplicaReading(ReplicaLag lag, Optional<String> standbyName) {

	ReplicaReading {
		Objects.requireNonNull(lag, "lag");
		Objects.requireNonNull(standbyName, "standbyName");
	}

}

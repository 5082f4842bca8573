package dev.migrator.core.replica;

import java.util.Objects;

/**
 * How far one replica trails the primary at the moment it was measured.
 *
 * @param replica the standby's {@code application_name} (its client address when it gives
 * none) as the primary sees it, or the name given to a replica data source
 * @param bytes WAL written on the primary (or received by the replica) that the replica
 * has not replayed yet
 * @param seconds how old the newest replayed change is; 0 when the replica has replayed
 * all it has
 * @param source where it was measured
 */
public record ReplicaLag(String replica, long bytes, double seconds, LagSource source) {

	public ReplicaLag {
		Objects.requireNonNull(replica, "replica");
		Objects.requireNonNull(source, "source");
		if (bytes < 0) {
			bytes = 0;
		}
		if (seconds < 0 || Double.isNaN(seconds)) {
			// Clocks of primary and replica may differ slightly: a replica is never ahead
			// of the primary.
			seconds = 0;
		}
	}

}

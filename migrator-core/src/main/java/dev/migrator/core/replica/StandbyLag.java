package dev.migrator.core.replica;

import java.util.Objects;

/**
 * One row of the primary's {@code pg_stat_replication}, reduced to distances: how far
 * each stage of the standby trails the primary's current WAL position.
 *
 * @param applicationName the standby's {@code application_name}; may be empty
 * @param clientAddress the standby's address; empty for a Unix socket
 * @param state the WAL sender state, such as {@code streaming} or {@code catchup}
 * @param sentBytes WAL not yet sent to the standby
 * @param flushedBytes WAL the standby has not yet flushed to its disk
 * @param replayedBytes WAL the standby has not yet replayed: what its readers do not see
 * yet
 * @param replaySeconds the primary's {@code replay_lag}; 0 when it reports none (an idle,
 * caught-up standby)
 */
public record StandbyLag(String applicationName, String clientAddress, String state, long sentBytes, long flushedBytes,
		long replayedBytes, double replaySeconds) {

	public StandbyLag {
		Objects.requireNonNull(applicationName, "applicationName");
		Objects.requireNonNull(clientAddress, "clientAddress");
		Objects.requireNonNull(state, "state");
	}

	/** The name the standby is reported under: its application name, else its address. */
	public String name() {
		if (!this.applicationName.isEmpty()) {
			return this.applicationName;
		}
		return this.clientAddress.isEmpty() ? "local" : this.clientAddress;
	}

	/**
	 * The figure a throttle judges: replay distance, the largest of the three, and the
	 * replay delay.
	 */
	public ReplicaLag toLag() {
		return new ReplicaLag(name(), this.replayedBytes, this.replaySeconds, LagSource.PRIMARY);
	}

}

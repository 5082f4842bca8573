package dev.migrator.core.replica;

import dev.migrator.core.script.LagLimits;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Replicas and how much lag throttled work may cause.
 *
 * @param replicas replicas to measure directly, besides what the primary reports
 * @param limits the default lag limits; a backfill's own limits win
 * @param pollInterval how often throttled work measures again
 */
public record ReplicaSettings(List<ReplicaDataSource> replicas, LagLimits limits, Duration pollInterval) {

	public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofSeconds(1);

	public ReplicaSettings {
		replicas = List.copyOf(replicas);
		Objects.requireNonNull(limits, "limits");
		Objects.requireNonNull(pollInterval, "pollInterval");
	}

	public static ReplicaSettings defaults() {
		return new ReplicaSettings(List.of(), LagLimits.none(), DEFAULT_POLL_INTERVAL);
	}

}

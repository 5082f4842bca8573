package dev.migrator.core.replica;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Lists a standby once when it is both streaming from the primary and configured as a
 * replica data source: under the configured name, with the larger of the two views' lag,
 * so that a throttle judges the same figure and a reader sees one standby, not two.
 * Matching goes by the name the standby gives the primary; when that name is shared (by
 * several standbys, or several configured replicas) both views stay listed apart, since
 * merging the wrong two would hide a lag.
 */
final class SameStandby {

	private SameStandby() {
	}

	static List<ReplicaLag> combine(List<ReplicaLag> fromPrimary, List<ReplicaReading> fromReplicas) {
		Map<String, Long> primaryNames = counts(fromPrimary, ReplicaLag::replica);
		Map<String, Long> claimedNames = counts(
				fromReplicas.stream().flatMap((reading) -> reading.standbyName().stream()).toList(),
				Function.identity());
		List<ReplicaLag> primaryLeft = new ArrayList<>(fromPrimary);
		List<ReplicaLag> replicas = new ArrayList<>();
		for (ReplicaReading reading : fromReplicas) {
			Optional<String> name = reading.standbyName()
				.filter((standby) -> primaryNames.getOrDefault(standby, 0L) == 1
						&& claimedNames.getOrDefault(standby, 0L) == 1);
			if (name.isEmpty()) {
				replicas.add(reading.lag());
				continue;
			}
			ReplicaLag primaryView = fromPrimary.stream()
				.filter((lag) -> lag.replica().equals(name.get()))
				.findFirst()
				.orElseThrow();
			primaryLeft.remove(primaryView);
			ReplicaLag own = reading.lag();
			replicas.add(new ReplicaLag(own.replica(), Math.max(own.bytes(), primaryView.bytes()),
					Math.max(own.seconds(), primaryView.seconds()), LagSource.REPLICA));
		}
		primaryLeft.addAll(replicas);
		return List.copyOf(primaryLeft);
	}

	private static <T> Map<String, Long> counts(List<T> items, Function<T, String> name) {
		return items.stream().collect(Collectors.groupingBy(name, Collectors.counting()));
	}

}

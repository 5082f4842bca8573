package dev.migrator.core.script;

import dev.migrator.core.error.ErrorCode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The repeatable revisions in the order they run: each after those it {@code depends-on},
 * ties broken by id. They stand outside the graph, so they may depend on each other only.
 */
final class RepeatableOrder {

	private RepeatableOrder() {
	}

	static List<Revision> of(List<Revision> repeatables, Set<String> versionedIds) {
		Map<String, Revision> byId = new TreeMap<>();
		for (Revision revision : repeatables) {
			Revision first = byId.putIfAbsent(revision.id(), revision);
			if (first != null || versionedIds.contains(revision.id())) {
				String other = (first != null) ? first.origin().toString() : "another revision";
				throw new RevisionGraphException(ErrorCode.DUPLICATE_REVISION,
						"Revision id '" + revision.id() + "' is defined twice: in " + other + " and in "
								+ revision.origin() + ". Ids must be unique across all locations: give the newer one "
								+ "a new id.");
			}
		}
		Map<String, Integer> waitingOn = new HashMap<>();
		Map<String, List<String>> dependents = new HashMap<>();
		for (Revision revision : byId.values()) {
			for (String dependency : revision.dependsOn()) {
				if (!byId.containsKey(dependency)) {
					throw new RevisionGraphException(ErrorCode.UNKNOWN_DEPENDENCY, "Repeatable revision "
							+ revision.id() + " (" + revision.origin() + ") names '" + dependency + "' in depends-on, "
							+ "but no repeatable revision has that id. A repeatable revision runs after every other "
							+ "revision of the run, so it may depend only on repeatable ones: fix the header.");
				}
				dependents.computeIfAbsent(dependency, (id) -> new ArrayList<>()).add(revision.id());
			}
			waitingOn.put(revision.id(), revision.dependsOn().size());
		}
		TreeSet<String> ready = new TreeSet<>();
		waitingOn.forEach((id, count) -> {
			if (count == 0) {
				ready.add(id);
			}
		});
		List<Revision> order = new ArrayList<>();
		while (!ready.isEmpty()) {
			String id = ready.pollFirst();
			order.add(byId.get(id));
			for (String dependent : dependents.getOrDefault(id, List.of())) {
				if (waitingOn.merge(dependent, -1, Integer::sum) == 0) {
					ready.add(dependent);
				}
			}
		}
		if (order.size() < byId.size()) {
			List<String> cycle = byId.keySet().stream().filter((id) -> waitingOn.get(id) > 0).toList();
			throw new RevisionGraphException(ErrorCode.REVISION_CYCLE,
					"The repeatable revisions " + String.join(", ", cycle)
							+ " depend on each other in a cycle. A revision cannot come before "
							+ "itself: fix the depends-on header of one of them.");
		}
		return List.copyOf(order);
	}

}

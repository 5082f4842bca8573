package dev.migrator.benchmarks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * Measured times by step and tool, in the order they were first added, with their
 * medians.
 */
final class Timings {

	/** A step of a part of the benchmark, at one size. */
	record Step(String part, int size, String name) {
	}

	private final Map<Step, Map<String, List<Double>>> times = new LinkedHashMap<>();

	void add(Step step, String tool, double millis) {
		this.times.computeIfAbsent(step, (s) -> new LinkedHashMap<>())
			.computeIfAbsent(tool, (t) -> new ArrayList<>())
			.add(millis);
	}

	Set<Step> steps() {
		return this.times.keySet();
	}

	/**
	 * Empty when the tool has no time for the step (it was not run, or did not finish in
	 * time).
	 */
	OptionalDouble median(Step step, String tool) {
		List<Double> values = this.times.getOrDefault(step, Map.of()).get(tool);
		if (values == null || values.isEmpty()) {
			return OptionalDouble.empty();
		}
		List<Double> sorted = values.stream().sorted().toList();
		int middle = sorted.size() / 2;
		return OptionalDouble
			.of((sorted.size() % 2 == 1) ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2);
	}

	int runs(Step step, String tool) {
		return this.times.getOrDefault(step, Map.of()).getOrDefault(tool, List.of()).size();
	}

}

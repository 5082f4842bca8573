package dev.migrator.benchmarks;

import dev.migrator.core.script.Plan;
import dev.migrator.core.script.Planner;
import dev.migrator.core.script.Revision;
import dev.migrator.core.script.RevisionGraph;
import dev.migrator.core.script.RevisionSource;
import dev.migrator.core.script.SqlFileRevisionSource;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Times the revision graph on a generated history: building and validating the graph,
 * planning from base and from the middle, and loading the same history from SQL files on
 * disk. Prints medians over repeated runs after a warm-up.
 */
public final class GraphBenchmark {

	private static final int WARMUP = 15;

	private static final int RUNS = 25;

	// From 100,000 revisions on, a step takes long enough that fewer runs still give a
	// stable median.
	private static final int LARGE = 100_000;

	private static final int LARGE_WARMUP = 3;

	private static final int LARGE_RUNS = 7;

	private static final double MIB = 1024.0 * 1024.0;

	private GraphBenchmark() {
	}

	public static void main(String[] args) throws IOException {
		List<Integer> sizes = (args.length == 0) ? List.of(10_000)
				: Arrays.stream(args[0].split(",")).map(String::trim).map(Integer::parseInt).toList();
		System.out.printf("%-8s %-44s %12s %12s%n", "size", "step", "median ms", "min ms");
		for (int size : sizes) {
			run(size);
		}
	}

	private static void run(int size) throws IOException {
		List<GeneratedHistory.Header> headers = GeneratedHistory.of(size);
		long beforeRevisions = heapUsedAfterGc();
		List<Revision> revisions = headers.stream().map(GraphBenchmark::toRevision).toList();
		long beforeGraph = heapUsedAfterGc();
		RevisionGraph graph = RevisionGraph.of(revisions);
		long afterGraph = heapUsedAfterGc();
		System.out.printf("%-8d %-44s %12.1f MiB%n", size, "heap: " + size + " revision objects (with SQL)",
				(beforeGraph - beforeRevisions) / MIB);
		System.out.printf("%-8d %-44s %12.1f MiB%n", size, "heap: graph on top of them",
				(afterGraph - beforeGraph) / MIB);
		blackhole(revisions);
		String middle = graph.revisions().get(size / 2).id();
		Set<String> middleRows = new Planner(graph).stamp(Set.of(), middle);

		report(size, "build + validate graph", () -> RevisionGraph.of(revisions));
		report(size, "heads", () -> RevisionGraph.of(revisions).heads());
		report(size, "plan upgrade base -> heads", () -> new Planner(graph).upgrade(Set.of(), "heads"));
		report(size, "plan upgrade middle -> heads", () -> new Planner(graph).upgrade(middleRows, "heads"));
		report(size, "plan downgrade heads -> middle", () -> new Planner(graph)
			.downgrade(graph.headsOf(graph.ancestorsOf(graph.heads().stream().map(Revision::id).toList())), middle));
		report(size, "validate + plan base -> heads (engine total)", () -> {
			RevisionGraph fresh = RevisionGraph.of(revisions);
			Plan plan = new Planner(fresh).upgrade(Set.of(), "heads");
			return plan.steps().size();
		});

		Path folder = Files.createTempDirectory("migrator-graph-bench");
		try {
			for (GeneratedHistory.Header header : headers) {
				Files.writeString(folder.resolve(header.id() + ".sql"), header.migratorFile());
			}
			RevisionSource files = new SqlFileRevisionSource(List.of("filesystem:" + folder),
					GraphBenchmark.class.getClassLoader());
			report(size, "load " + size + " SQL files + validate + plan", () -> {
				RevisionGraph fresh = RevisionGraph.of(files.load());
				return new Planner(fresh).upgrade(Set.of(), "heads").steps().size();
			});
		}
		finally {
			try (var paths = Files.walk(folder)) {
				paths.sorted(java.util.Comparator.reverseOrder()).forEach((p) -> p.toFile().delete());
			}
		}
	}

	/**
	 * Approximate: heap in use once a few collections have run, so that mostly live
	 * objects remain.
	 */
	private static long heapUsedAfterGc() {
		for (int i = 0; i < 3; i++) {
			System.gc();
		}
		return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
	}

	private static void report(int size, String step, Supplier<Object> work) {
		int warmup = (size >= LARGE) ? LARGE_WARMUP : WARMUP;
		int runs = (size >= LARGE) ? LARGE_RUNS : RUNS;
		for (int i = 0; i < warmup; i++) {
			blackhole(work.get());
		}
		List<Double> times = new ArrayList<>(runs);
		for (int i = 0; i < runs; i++) {
			long start = System.nanoTime();
			blackhole(work.get());
			times.add((System.nanoTime() - start) / 1_000_000.0);
		}
		times.sort(Double::compare);
		System.out.printf("%-8d %-44s %12.2f %12.2f%n", size, step, times.get(runs / 2), times.get(0));
	}

	private static int sink;

	private static void blackhole(Object value) {
		sink += System.identityHashCode(value);
	}

	private static Revision toRevision(GeneratedHistory.Header header) {
		Revision.Builder builder = Revision.builder(header.id())
			.revises(header.revises())
			.dependsOn(header.dependsOn())
			.upgradeSql(header.upgradeSql())
			.downgradeSql(header.downgradeSql());
		if (header.branchLabel() != null) {
			builder.branchLabels(header.branchLabel());
		}
		return builder.build();
	}

}

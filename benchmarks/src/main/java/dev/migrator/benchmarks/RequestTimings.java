package dev.migrator.benchmarks;

import java.util.Arrays;
import java.util.List;

/**
 * The start and the latency of every request one thread sent, in growing arrays: a run of
 * a minute or two records a few hundred thousand requests, and boxing each would make the
 * collector part of what is measured.
 */
final class RequestTimings {

	private long[] starts = new long[1 << 16];

	private long[] latencies = new long[1 << 16];

	private boolean[] failed = new boolean[1 << 16];

	private boolean[] writes = new boolean[1 << 16];

	private int size;

	synchronized void record(long start, long latency, boolean error, boolean write) {
		if (this.size == this.starts.length) {
			int grown = this.size * 2;
			this.starts = Arrays.copyOf(this.starts, grown);
			this.latencies = Arrays.copyOf(this.latencies, grown);
			this.failed = Arrays.copyOf(this.failed, grown);
			this.writes = Arrays.copyOf(this.writes, grown);
		}
		this.starts[this.size] = start;
		this.latencies[this.size] = latency;
		this.failed[this.size] = error;
		this.writes[this.size] = write;
		this.size++;
	}

	/** A stretch of time, in System.nanoTime values. */
	record Window(long from, long to) {

		boolean overlaps(long start, long latency) {
			return start <= this.to && start + latency >= this.from;
		}

	}

	/** Latency figures of the requests that overlap any of the windows. */
	static Summary summarize(List<RequestTimings> all, List<Window> windows) {
		return summarize(all, windows, false);
	}

	/**
	 * Latency figures of the requests, or only the writes (updates and inserts), that
	 * overlap any of the windows.
	 */
	static Summary summarize(List<RequestTimings> all, List<Window> windows, boolean writesOnly) {
		long[] selected = new long[0];
		int count = 0;
		int errors = 0;
		for (RequestTimings timings : all) {
			synchronized (timings) {
				if (selected.length < count + timings.size) {
					selected = Arrays.copyOf(selected, count + timings.size);
				}
				for (int i = 0; i < timings.size; i++) {
					if (writesOnly && !timings.writes[i]) {
						continue;
					}
					long start = timings.starts[i];
					long latency = timings.latencies[i];
					if (windows.stream().anyMatch((window) -> window.overlaps(start, latency))) {
						selected[count++] = timings.latencies[i];
						if (timings.failed[i]) {
							errors++;
						}
					}
				}
			}
		}
		long[] sorted = Arrays.copyOf(selected, count);
		Arrays.sort(sorted);
		return new Summary(count, errors, millisAt(sorted, 0.50), millisAt(sorted, 0.99), millisAt(sorted, 0.999),
				(count == 0) ? 0 : sorted[count - 1] / 1e6);
	}

	/**
	 * The value at quantile {@code q} of nanosecond values sorted ascending, in
	 * milliseconds; 0 when there are none.
	 */
	static double millisAt(long[] sorted, double q) {
		if (sorted.length == 0) {
			return 0;
		}
		int index = (int) Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1);
		return sorted[Math.max(0, index)] / 1e6;
	}

	/**
	 * Request count, failed requests, and latency quantiles and maximum in milliseconds.
	 */
	record Summary(int requests, int errors, double p50, double p99, double p999, double max) {
	}

}

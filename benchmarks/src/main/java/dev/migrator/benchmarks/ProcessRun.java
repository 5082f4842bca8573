package dev.migrator.benchmarks;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * One child process, timed from just before it is started to its exit, with what it
 * printed.
 *
 * @param command what ran
 * @param exitCode its exit code; -1 when it was killed for taking too long
 * @param millis wall time from start to exit
 * @param timedOut whether it was killed at the time limit
 * @param stdout what it printed
 * @param stderr what it printed as errors
 */
record ProcessRun(List<String> command, int exitCode, double millis, boolean timedOut, String stdout, String stderr) {

	/**
	 * Runs the command to its end or the time limit. Output goes to files, not pipes:
	 * nothing in this JVM has to drain them while the clock runs, and a chatty child
	 * cannot block on a full pipe.
	 */
	static ProcessRun of(List<String> command, Consumer<Map<String, String>> environment, Duration limit)
			throws IOException, InterruptedException {
		Path out = Files.createTempFile("bench-stdout", ".txt");
		Path err = Files.createTempFile("bench-stderr", ".txt");
		try {
			ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile())
				.redirectError(err.toFile())
				.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
			environment.accept(builder.environment());
			long start = System.nanoTime();
			Process process = builder.start();
			boolean exited = process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS);
			double millis = (System.nanoTime() - start) / 1_000_000.0;
			if (!exited) {
				process.destroyForcibly().waitFor();
			}
			return new ProcessRun(command, exited ? process.exitValue() : -1, millis, !exited, Files.readString(out),
					Files.readString(err));
		}
		finally {
			Files.deleteIfExists(out);
			Files.deleteIfExists(err);
		}
	}

	/** This run, or an exception that says what ran and what it printed. */
	ProcessRun requireSuccess() {
		if (this.timedOut || this.exitCode != 0) {
			String how = this.timedOut ? "was killed after " + Math.round(this.millis) + " ms"
					: "exited with " + this.exitCode;
			throw new IllegalStateException(String.join(" ", this.command) + "\n" + how + "\nstdout: "
					+ tail(this.stdout) + "\nstderr: " + tail(this.stderr));
		}
		return this;
	}

	/** The printed lines, without blank ones. */
	List<String> lines() {
		return this.stdout.lines().filter((line) -> !line.isBlank()).toList();
	}

	private static String tail(String text) {
		return (text.length() <= 4000) ? text : "…" + text.substring(text.length() - 4000);
	}

}

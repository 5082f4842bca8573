package dev.migrator.benchmarks;

import dev.migrator.benchmarks.job.BenchJobApplication;
import dev.migrator.benchmarks.job.ContextStartedMark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@link BenchJobApplication} as a child JVM, start to exit, and times it. Every
 * child gets the same JVM flags and the same common arguments; only its classpath and the
 * arguments that point its tool at a history differ.
 */
final class JobProcess {

	/**
	 * Liquibase would otherwise try to send usage analytics over the network during the
	 * run. A system property the other two ignore, so every child gets it and the flags
	 * stay the same for all.
	 */
	private static final List<String> JVM_FLAGS = List.of("-Dliquibase.analytics.enabled=false");

	private static final long TIMEOUT_MINUTES = 10;

	private final Path java = Path.of(System.getProperty("java.home"), "bin", "java");

	private final Path log;

	/**
	 * @param log where each child's standard output and error go (overwritten by every
	 * run)
	 */
	JobProcess(Path log) {
		this.log = log;
	}

	/**
	 * Starts the child and waits for it to exit.
	 * @return the wall time from just before the start to the exit, and to the moment the
	 * context had started
	 */
	Timing run(ChildClasspath classpath, List<String> toolArguments, Database database) throws Exception {
		return run(classpath, toolArguments, database, List.of());
	}

	/**
	 * Like {@link #run(ChildClasspath, List, Database)}, with JVM flags of its own, such
	 * as those that write or use a class data sharing archive.
	 */
	Timing run(ChildClasspath classpath, List<String> toolArguments, Database database, List<String> jvmFlags)
			throws Exception {
		List<String> command = new ArrayList<>();
		command.add(this.java.toString());
		command.addAll(JVM_FLAGS);
		command.addAll(jvmFlags);
		command.add("-cp");
		command.add(classpath.asArgument());
		command.add(BenchJobApplication.class.getName());
		command.addAll(database.asArguments());
		// Warnings and errors only, for all three: printing is not what is measured.
		command.add("--logging.level.root=WARN");
		command.add("--spring.main.banner-mode=off");
		command.add("--spring.main.web-application-type=none");
		command.addAll(toolArguments);
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(this.log.toFile());
		long startMillis = System.currentTimeMillis();
		long start = System.nanoTime();
		Process process = builder.start();
		if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
			process.destroyForcibly();
			throw new IllegalStateException(classpath.tool().label() + " did not exit within " + TIMEOUT_MINUTES
					+ " minutes. Its output:\n" + output());
		}
		double totalMs = (System.nanoTime() - start) / 1_000_000.0;
		if (process.exitValue() != 0) {
			throw new IllegalStateException(
					classpath.tool().label() + " exited with " + process.exitValue() + ". Its output:\n" + output());
		}
		return new Timing(totalMs, contextStartedMillis() - startMillis);
	}

	private long contextStartedMillis() throws IOException {
		return Files.readAllLines(this.log)
			.stream()
			.filter((line) -> line.startsWith(ContextStartedMark.PREFIX))
			.map((line) -> Long.parseLong(line.substring(ContextStartedMark.PREFIX.length()).trim()))
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("The child printed no context start mark:\n" + output()));
	}

	private String output() {
		try {
			return Files.readString(this.log);
		}
		catch (IOException ex) {
			return "(unreadable: " + ex.getMessage() + ")";
		}
	}

	/**
	 * @param totalMs from just before the process started to its exit
	 * @param contextStartedMs from just before the process started to the moment the
	 * context had started (before the runners); millisecond resolution, from the wall
	 * clock shared by both processes
	 */
	record Timing(double totalMs, double contextStartedMs) {

	}

	/** The database a child migrates, as Spring Boot's DataSource properties. */
	record Database(String url, String user, String password) {

		List<String> asArguments() {
			return List.of("--spring.datasource.url=" + this.url, "--spring.datasource.username=" + this.user,
					"--spring.datasource.password=" + this.password);
		}

	}

}

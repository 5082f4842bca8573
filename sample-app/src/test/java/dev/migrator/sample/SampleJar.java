package dev.migrator.sample;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged sample app, started as a user starts it:
 * {@code java -jar sample-app.jar ...}, as a child process in a working directory of its
 * own. Output goes to files rather than pipes, so that a process that hangs fails the
 * test at its time limit instead of blocking a read.
 */
final class SampleJar {

	/** How long one run of the migration job may take, start-up included. */
	static final Duration JOB_TIME_LIMIT = Duration.ofSeconds(90);

	/** How long the web app may take to answer its liveness probe. */
	static final Duration START_TIME_LIMIT = Duration.ofSeconds(90);

	// Less JIT and GC work while the JVM starts, which halves its CPU time on a small
	// machine. Neither changes what
	// the application does.
	private static final List<String> JVM_OPTIONS = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");

	// Settings a developer's or CI's environment may hold, which would change the app
	// under test.
	private static final List<String> ENVIRONMENT_PREFIXES = List.of("SPRING_", "MIGRATOR_", "MANAGEMENT_", "SERVER_",
			"JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS");

	private final Path jar;

	private final List<String> jvmOptions;

	private final Path workingDirectory;

	private int runs;

	/** The packaged jar, started exactly as the README starts it. */
	SampleJar(Path workingDirectory) {
		this(locate(), JVM_OPTIONS, workingDirectory);
	}

	private SampleJar(Path jar, List<String> jvmOptions, Path workingDirectory) {
		this.jar = jar;
		this.jvmOptions = jvmOptions;
		this.workingDirectory = workingDirectory;
	}

	/**
	 * The same application in Spring Boot's extracted layout with a class data sharing
	 * archive: for tests that start many instances, where start-up time is most of the
	 * run. {@code -Dsample.extracted=false} starts the packaged jar instead.
	 */
	static SampleJar extracted(Path workingDirectory) {
		if (!Boolean.parseBoolean(System.getProperty("sample.extracted", "true"))) {
			return new SampleJar(workingDirectory);
		}
		ExtractedJar extracted = ExtractedJar.of(locate(), JVM_OPTIONS);
		List<String> options = new ArrayList<>(JVM_OPTIONS);
		options.addAll(extracted.jvmOptions());
		return new SampleJar(extracted.jar(), List.copyOf(options), workingDirectory);
	}

	Path workingDirectory() {
		return this.workingDirectory;
	}

	/**
	 * Runs the app to its end, such as the migration job, and returns its exit code and
	 * output.
	 */
	ProcessRun run(String... arguments) throws IOException, InterruptedException {
		String name = "run-" + (++this.runs);
		Path stdout = this.workingDirectory.resolve(name + ".out");
		Path stderr = this.workingDirectory.resolve(name + ".err");
		Process process = start(List.of(arguments), stdout, stderr);
		try {
			boolean ended = process.waitFor(JOB_TIME_LIMIT.toSeconds(), TimeUnit.SECONDS);
			ProcessRun run = new ProcessRun(ended ? process.exitValue() : -1, stdout, stderr);
			assertThat(ended)
				.as("java -jar sample-app.jar %s ended within %s; its output:%n%s", String.join(" ", arguments),
						JOB_TIME_LIMIT, run.output())
				.isTrue();
			return run;
		}
		finally {
			stop(process);
		}
	}

	/**
	 * Starts the web app on a free port and waits until it answers its liveness probe.
	 */
	WebApp startWebApp(String... arguments) throws IOException, InterruptedException {
		int port = freePort();
		List<String> withPort = new ArrayList<>(List.of(arguments));
		withPort.add("--server.port=" + port);
		Path log = this.workingDirectory.resolve("web-app-" + port + ".log");
		Process process = start(withPort, log, log);
		WebApp app = new WebApp(process, port, log);
		try {
			app.awaitLive(START_TIME_LIMIT);
			return app;
		}
		catch (InterruptedException | RuntimeException | AssertionError ex) {
			app.close();
			throw ex;
		}
	}

	private Process start(List<String> arguments, Path stdout, Path stderr) throws IOException {
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.addAll(this.jvmOptions);
		command.add("-jar");
		command.add(this.jar.toString());
		command.addAll(arguments);
		ProcessBuilder builder = processBuilder(command, this.workingDirectory);
		if (stdout.equals(stderr)) {
			builder.redirectErrorStream(true);
		}
		else {
			builder.redirectError(stderr.toFile());
		}
		return builder.redirectOutput(stdout.toFile()).start();
	}

	/** A process of the app with none of the environment's settings for it. */
	static ProcessBuilder processBuilder(List<String> command, Path workingDirectory) {
		ProcessBuilder builder = new ProcessBuilder(command).directory(workingDirectory.toFile());
		builder.environment().keySet().removeIf((name) -> ENVIRONMENT_PREFIXES.stream().anyMatch(name::startsWith));
		return builder;
	}

	/** Ends the process, asking first, then forcing; never leaves it running. */
	static void stop(Process process) throws InterruptedException {
		if (!process.isAlive()) {
			return;
		}
		process.destroy();
		if (!process.waitFor(20, TimeUnit.SECONDS)) {
			process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
		}
	}

	private static Path locate() {
		String property = System.getProperty("sample.jar");
		assertThat(property).as("system property sample.jar, which sample-app/pom.xml gives the failsafe plugin")
			.isNotBlank();
		Path jar = Path.of(property);
		assertThat(jar).as("the packaged sample app (mvn verify packages it before the *IT tests run)").isRegularFile();
		return jar;
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not find a free port", ex);
		}
	}

}

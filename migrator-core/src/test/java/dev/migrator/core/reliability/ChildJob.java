package dev.migrator.core.reliability;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One {@link UpgradeJobMain} child JVM, started from the test class path, its output in a
 * log file.
 */
final class ChildJob {

	private final Process process;

	private final Path log;

	private ChildJob(Process process, Path log) {
		this.process = process;
		this.log = log;
	}

	static ChildJob start(Path log, String url, String user, String password, String location, String... more)
			throws Exception {
		return launch(log, "heads", url, user, password, location, more);
	}

	/** A job that upgrades to the given target instead of the heads. */
	static ChildJob startUpgrade(Path log, String url, String user, String password, String location, String target)
			throws Exception {
		return launch(log, target, url, user, password, location);
	}

	/**
	 * A job that runs the command ({@code upgrade}, {@code downgrade} or
	 * {@code backfill}) with the target (a revision, or a backfill's name).
	 */
	static ChildJob startCommand(Path log, String command, String target, String url, String user, String password,
			String location) throws Exception {
		return launchCommand(log, command, target, url, user, password, location);
	}

	private static ChildJob launch(Path log, String target, String url, String user, String password, String location,
			String... more) throws Exception {
		return launchCommand(log, "upgrade", target, url, user, password, location, more);
	}

	private static ChildJob launchCommand(Path log, String verb, String target, String url, String user,
			String password, String location, String... more) throws Exception {
		String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		List<String> command = new ArrayList<>(List.of(java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
				"-D" + UpgradeJobMain.TARGET_PROPERTY + "=" + target,
				"-D" + UpgradeJobMain.COMMAND_PROPERTY + "=" + verb, "-cp", classPath, UpgradeJobMain.class.getName(),
				url, user, password, location));
		command.addAll(List.of(more));
		Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
		return new ChildJob(process, log);
	}

	boolean isAlive() {
		return this.process.isAlive();
	}

	/**
	 * Waits up to the given time; true if the job exited (with code 0, else it fails with
	 * the log).
	 */
	boolean awaitExitOrTimeout(long millis) throws Exception {
		if (!this.process.waitFor(millis, TimeUnit.MILLISECONDS)) {
			return false;
		}
		if (this.process.exitValue() != 0) {
			throw new AssertionError("the job failed; its log:\n" + log());
		}
		return true;
	}

	/** SIGKILL; returns once the process is gone. */
	void kill() throws InterruptedException {
		this.process.destroyForcibly();
		if (!this.process.waitFor(20, TimeUnit.SECONDS)) {
			throw new AssertionError("the killed job did not go away");
		}
	}

	/**
	 * Waits for the exit, returns the exit code; fails with the log if it takes longer
	 * than the limit.
	 */
	int awaitExit(long seconds) throws Exception {
		if (!this.process.waitFor(seconds, TimeUnit.SECONDS)) {
			this.process.destroyForcibly();
			throw new AssertionError("the job did not finish within " + seconds + "s; its log:\n" + log());
		}
		return this.process.exitValue();
	}

	String log() {
		try {
			return Files.exists(this.log) ? Files.readString(this.log) : "(no log)";
		}
		catch (Exception ex) {
			return ex.toString();
		}
	}

}

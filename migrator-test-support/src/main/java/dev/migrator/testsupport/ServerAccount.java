package dev.migrator.testsupport;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The operating-system account that PostgreSQL processes run as: our own, or
 * {@code nobody} when we are root, because PostgreSQL refuses to run as root.
 */
final class ServerAccount {

	static final String UNPRIVILEGED_USER = "nobody";

	private static final ServerAccount CURRENT = new ServerAccount(runningAsRoot());

	private final boolean switchUser;

	private ServerAccount(boolean switchUser) {
		this.switchUser = switchUser;
	}

	static ServerAccount current() {
		return CURRENT;
	}

	boolean switchesUser() {
		return this.switchUser;
	}

	String describe() {
		return this.switchUser ? "'" + UNPRIVILEGED_USER + "' (via runuser, since this JVM runs as root)"
				: "the JVM's own user '" + System.getProperty("user.name") + "'";
	}

	/**
	 * Makes the account own a path that its server must write to; a no-op when that is
	 * already us.
	 */
	void giveOwnership(Path path) {
		if (!this.switchUser) {
			return;
		}
		try {
			// The owner is what PostgreSQL checks; the group does not matter with the
			// modes we use.
			UserPrincipalLookupService users = path.getFileSystem().getUserPrincipalLookupService();
			Files.setOwner(path, users.lookupPrincipalByName(UNPRIVILEGED_USER));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not give " + path + " to user '" + UNPRIVILEGED_USER + "'", ex);
		}
	}

	/**
	 * Runs a PostgreSQL program as this account and fails with its output when it exits
	 * non-zero. Output goes to a file rather than a pipe: {@code pg_ctl start} leaves a
	 * server behind that must not hold our pipe open.
	 */
	void run(List<String> command, Path workingDirectory, Path outputFile, Duration timeout) {
		List<String> full = new ArrayList<>();
		if (this.switchUser) {
			full.addAll(List.of("runuser", "-u", UNPRIVILEGED_USER, "--"));
		}
		full.addAll(command);
		ProcessBuilder builder = new ProcessBuilder(full).directory(workingDirectory.toFile())
			.redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(outputFile.toFile()))
			.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
		// Messages in English whatever the machine's locale, so failures read the same
		// everywhere.
		builder.environment().put("LC_ALL", "C");
		builder.environment().remove("PGDATA");
		builder.environment().remove("PGPORT");
		try {
			Process process = builder.start();
			if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
				process.destroyForcibly();
				throw new IllegalStateException("Timed out after " + timeout.toSeconds() + "s running " + full
						+ "\n--- its output (" + outputFile + ") ---\n" + LogTail.of(outputFile));
			}
			if (process.exitValue() != 0) {
				throw new IllegalStateException("Command exited with " + process.exitValue() + ": " + full
						+ "\n--- its output (" + outputFile + ") ---\n" + LogTail.of(outputFile));
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException(
					"Could not run " + full + (this.switchUser
							? " (running as root, PostgreSQL must be started through 'runuser', from util-linux)" : ""),
					ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while running " + full, ex);
		}
	}

	private static boolean runningAsRoot() {
		try {
			return new com.sun.security.auth.module.UnixSystem().getUid() == 0;
		}
		catch (LinkageError ex) {
			// Without the jdk.security.auth module the user name is the best we have.
			return "root".equals(System.getProperty("user.name"));
		}
	}

}

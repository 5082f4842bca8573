package dev.migrator.testsupport;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;

/**
 * Servers whose JVM died without running its shutdown hooks (killed build, crashed fork)
 * would otherwise run forever and eat the machine's memory; the first server start of
 * each JVM stops and deletes them.
 */
final class AbandonedServers {

	// A directory without its owner file is either being set up right now or left by a
	// crash during set-up.
	private static final Duration SET_UP_GRACE = Duration.ofMinutes(10);

	private static boolean done;

	private AbandonedServers() {
	}

	static synchronized void stopAndDeleteOnce(PostgresBinaries binaries) {
		if (!done) {
			done = true;
			stopAndDelete(binaries);
		}
	}

	static void stopAndDelete(PostgresBinaries binaries) {
		try (DirectoryStream<Path> directories = Files.newDirectoryStream(ScratchSpace.baseDirectory(),
				ScratchSpace.SERVER_DIRECTORY_PREFIX + "*")) {
			for (Path directory : directories) {
				if (isAbandoned(directory)) {
					destroyQuietly(binaries, directory);
				}
			}
		}
		catch (IOException ex) {
			// Cleaning up after others is a courtesy; it must never stop this JVM's
			// tests.
		}
	}

	private static boolean isAbandoned(Path directory) {
		Path ownerFile = directory.resolve(ScratchSpace.OWNER_PID_FILE);
		try {
			if (!Files.exists(ownerFile)) {
				FileTime modified = Files.getLastModifiedTime(directory);
				return modified.toInstant().isBefore(Instant.now().minus(SET_UP_GRACE));
			}
			long ownerPid = Long.parseLong(Files.readString(ownerFile).trim());
			return !isAlive(ownerPid);
		}
		catch (IOException | NumberFormatException ex) {
			return false;
		}
	}

	// A killed JVM stays a zombie until its parent reaps it, and ProcessHandle counts
	// zombies as alive.
	private static boolean isAlive(long pid) {
		if (ProcessHandle.of(pid).isEmpty()) {
			return false;
		}
		try {
			String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
			return stat.charAt(stat.lastIndexOf(')') + 2) != 'Z';
		}
		catch (IOException | RuntimeException ex) {
			return true;
		}
	}

	private static void destroyQuietly(PostgresBinaries binaries, Path directory) {
		try {
			LocalPostgresServer.existing(binaries, directory).destroy();
		}
		catch (RuntimeException ex) {
			// Possibly another JVM cleaning the same directory at the same moment.
		}
	}

}

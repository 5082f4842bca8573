package dev.migrator.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Where binaries and server directories live: under {@code java.io.tmpdir} by default,
 * never under the project, because a checkout may sit in a directory (such as a home or a
 * private mktemp dir) that the server's user cannot enter.
 */
final class ScratchSpace {

	static final String SERVER_DIRECTORY_PREFIX = "migrator-pg-run-";

	static final String OWNER_PID_FILE = "owner.pid";

	static final String DIRECTORY_VARIABLE = "MIGRATOR_TEST_PG_DIR";

	private ScratchSpace() {
	}

	// A roomy tmpfs makes initdb and CREATE DATABASE several times faster where the disk
	// is slow at creating
	// files; a small one (Docker's 64 MB /dev/shm) would fill up, so it is used only when
	// it has room to spare.
	private static final Path SHARED_MEMORY = Path.of("/dev/shm");

	private static final long SHARED_MEMORY_MINIMUM_FREE = 4L * 1024 * 1024 * 1024;

	/**
	 * {@value #DIRECTORY_VARIABLE} when set; else {@code /dev/shm} when it is a tmpfs
	 * with at least 4 GiB free; else {@code java.io.tmpdir}.
	 */
	static Path baseDirectory() {
		String name = settingName();
		String value = configuredValue();
		Path base;
		try {
			base = Path.of(value).toRealPath();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(name + " names a directory that does not exist: " + value, ex);
		}
		if (ServerAccount.current().switchesUser()) {
			requireTraversableByOthers(base, name);
		}
		return base;
	}

	/** Which setting chose the base directory and what it says, for error messages. */
	static String describe() {
		return settingName() + " (" + configuredValue() + ")";
	}

	private static String settingName() {
		if (isConfigured()) {
			return DIRECTORY_VARIABLE;
		}
		return roomySharedMemory() ? SHARED_MEMORY.toString() : "java.io.tmpdir";
	}

	private static boolean roomySharedMemory() {
		try {
			return Files.isDirectory(SHARED_MEMORY) && Files.isWritable(SHARED_MEMORY)
					&& Files.getFileStore(SHARED_MEMORY).getUsableSpace() >= SHARED_MEMORY_MINIMUM_FREE;
		}
		catch (IOException | SecurityException ex) {
			return false;
		}
	}

	private static boolean isConfigured() {
		String configured = System.getenv(DIRECTORY_VARIABLE);
		return configured != null && !configured.isBlank();
	}

	private static String configuredValue() {
		if (isConfigured()) {
			return System.getenv(DIRECTORY_VARIABLE).trim();
		}
		return roomySharedMemory() ? SHARED_MEMORY.toString() : System.getProperty("java.io.tmpdir");
	}

	/**
	 * A fresh directory for one server, owned by the server's account, with a file naming
	 * this JVM so that a later run can tell the server was abandoned if this JVM dies
	 * without its shutdown hooks.
	 */
	static Path newServerDirectory() {
		try {
			Path directory = Files.createTempDirectory(baseDirectory(), SERVER_DIRECTORY_PREFIX);
			Files.writeString(directory.resolve(OWNER_PID_FILE), Long.toString(ProcessHandle.current().pid()));
			ServerAccount.current().giveOwnership(directory);
			return directory;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not create a server directory for PostgreSQL", ex);
		}
	}

	static void deleteRecursively(Path root) {
		if (!Files.exists(root)) {
			return;
		}
		try (Stream<Path> paths = Files.walk(root)) {
			List<Path> deepestFirst = paths.sorted(Comparator.reverseOrder()).toList();
			for (Path path : deepestFirst) {
				try {
					Files.deleteIfExists(path);
				}
				catch (NoSuchFileException ex) {
					// Removed meanwhile by whoever else is cleaning up.
				}
			}
		}
		catch (NoSuchFileException ex) {
			// Already gone.
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not delete " + root, ex);
		}
	}

	private static void requireTraversableByOthers(Path base, String source) {
		for (Path directory = base; directory != null; directory = directory.getParent()) {
			try {
				if (!Files.getPosixFilePermissions(directory).contains(PosixFilePermission.OTHERS_EXECUTE)) {
					throw new IllegalStateException(source + " (" + base + ") is not usable: " + directory
							+ " has mode " + PosixFilePermissions.toString(Files.getPosixFilePermissions(directory))
							+ ", so user '" + ServerAccount.UNPRIVILEGED_USER
							+ "' that PostgreSQL runs as (we are root)" + " cannot reach it. Point "
							+ DIRECTORY_VARIABLE + " (or -Djava.io.tmpdir) at a directory"
							+ " every user can traverse, or set " + TestPostgres.URL_VARIABLE + ".");
				}
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Could not read the permissions of " + directory, ex);
			}
		}
	}

}

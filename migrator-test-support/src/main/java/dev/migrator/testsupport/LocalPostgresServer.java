package dev.migrator.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * One PostgreSQL server run from the embedded binaries, living in its own directory in
 * the {@link ScratchSpace}: {@code data/} (the cluster), {@code server.log},
 * {@code commands.log} (output of initdb and pg_ctl) and the unix socket.
 */
final class LocalPostgresServer {

	static final String SUPERUSER = "postgres";

	static final String DATA_DIRECTORY = "data";

	private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(120);

	private static final int PG_CTL_WAIT_SECONDS = 90;

	// sun_path holds 108 bytes; beyond that the server cannot create its socket at all.
	private static final int MAX_SOCKET_PATH = 100;

	private static final int START_ATTEMPTS = 5;

	private final PostgresBinaries binaries;

	private final Path directory;

	private volatile int port;

	private volatile boolean running;

	private LocalPostgresServer(PostgresBinaries binaries, Path directory) {
		this.binaries = binaries;
		this.directory = directory;
	}

	/** A server directory left by an earlier JVM, to be destroyed. */
	static LocalPostgresServer existing(PostgresBinaries binaries, Path directory) {
		return new LocalPostgresServer(binaries, directory);
	}

	/**
	 * Runs initdb in a new directory and tunes the cluster for tests; the server is not
	 * started yet.
	 */
	static LocalPostgresServer initialize(Map<String, String> extraSettings) {
		PostgresBinaries binaries = PostgresBinaries.installed();
		AbandonedServers.stopAndDeleteOnce(binaries);
		LocalPostgresServer server = new LocalPostgresServer(binaries, ScratchSpace.newServerDirectory());
		try {
			server.runAsServerAccount(
					List.of(binaries.executable("initdb"), "-D", server.dataDirectory().toString(), "-U", SUPERUSER,
							"--auth=trust", "--encoding=UTF8", "--locale=C", "--no-sync", "--no-instructions"));
			Map<String, String> settings = new LinkedHashMap<>(testSettings());
			settings.putAll(extraSettings);
			server.configure(settings);
			server.configureSocketDirectory();
			// initdb writes the same for trust, but the replica cluster must not depend
			// on initdb's defaults.
			server.appendToFile("pg_hba.conf", "host replication all 127.0.0.1/32 trust\n");
		}
		catch (RuntimeException ex) {
			server.destroy();
			throw ex;
		}
		return server;
	}

	/**
	 * A copy of a stopped server's cluster in a new directory, as the starting point of a
	 * standby.
	 */
	static LocalPostgresServer copyOf(LocalPostgresServer stopped) {
		if (stopped.running) {
			throw new IllegalStateException("Copying a running server would give a corrupt cluster");
		}
		LocalPostgresServer copy = new LocalPostgresServer(stopped.binaries, ScratchSpace.newServerDirectory());
		try {
			copyTree(stopped.dataDirectory(), copy.dataDirectory());
			copy.configureSocketDirectory();
		}
		catch (RuntimeException ex) {
			copy.destroy();
			throw ex;
		}
		return copy;
	}

	private static Map<String, String> testSettings() {
		Map<String, String> settings = new LinkedHashMap<>();
		settings.put("listen_addresses", quoted("127.0.0.1"));
		settings.put("max_connections", "200");
		// Durability is worthless for throwaway test data, and giving it up makes every
		// write cheaper.
		settings.put("fsync", "off");
		settings.put("synchronous_commit", "off");
		settings.put("full_page_writes", "off");
		// Every CREATE DATABASE logs a copy of template1 (~8MB); keep pg_wal from growing
		// towards the 1GB default.
		settings.put("max_wal_size", quoted("256MB"));
		settings.put("lc_messages", quoted("C"));
		return settings;
	}

	static String quoted(String value) {
		return "'" + value.replace("'", "''") + "'";
	}

	int port() {
		return this.port;
	}

	Path directory() {
		return this.directory;
	}

	Path dataDirectory() {
		return this.directory.resolve(DATA_DIRECTORY);
	}

	Path logFile() {
		return this.directory.resolve("server.log");
	}

	String logTail() {
		return LogTail.of(logFile());
	}

	boolean isRunning() {
		return this.running;
	}

	/** Appends settings to postgresql.conf, where later lines win over earlier ones. */
	void configure(Map<String, String> settings) {
		StringBuilder lines = new StringBuilder("\n# migrator-test-support\n");
		settings.forEach((name, value) -> lines.append(name).append(" = ").append(value).append('\n'));
		appendToFile("postgresql.conf", lines.toString());
	}

	void writeDataFile(String name, String content) {
		Path file = dataDirectory().resolve(name);
		try {
			Files.writeString(file, content, StandardCharsets.UTF_8);
			ServerAccount.current().giveOwnership(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not write " + file, ex);
		}
	}

	/**
	 * Starts on a free port; a port taken between choosing and binding it just means
	 * another try.
	 */
	void start() {
		for (int attempt = 1;; attempt++) {
			this.port = FreePort.find();
			configure(Map.of("port", Integer.toString(this.port)));
			long logOffset = sizeOf(logFile());
			try {
				runAsServerAccount(List.of(this.binaries.executable("pg_ctl"), "-D", dataDirectory().toString(), "-l",
						logFile().toString(), "-w", "-t", Integer.toString(PG_CTL_WAIT_SECONDS), "start"));
				this.running = true;
				return;
			}
			catch (IllegalStateException ex) {
				if (attempt < START_ATTEMPTS && logSince(logOffset).contains("could not bind")) {
					continue;
				}
				throw new IllegalStateException("PostgreSQL did not start (as " + ServerAccount.current().describe()
						+ ", data in " + dataDirectory() + ").\n" + ex.getMessage() + "\n--- server log (" + logFile()
						+ ") ---\n" + logTail(), ex);
			}
		}
	}

	/** A clean shutdown, after which the data directory can be copied. */
	void stop() {
		pgCtlStop("fast");
	}

	/**
	 * Stops the server without a shutdown checkpoint and deletes its directory; safe to
	 * call more than once.
	 */
	void destroy() {
		try {
			if (Files.exists(postmasterPidFile())) {
				try {
					pgCtlStop("immediate");
				}
				catch (IllegalStateException ex) {
					// pg_ctl fails on a server that already died, and on one it cannot
					// reach in time.
					killPostmaster();
				}
			}
		}
		finally {
			this.running = false;
			ScratchSpace.deleteRecursively(this.directory);
		}
	}

	private Path postmasterPidFile() {
		return dataDirectory().resolve("postmaster.pid");
	}

	private void killPostmaster() {
		try {
			String firstLine = Files.readAllLines(postmasterPidFile()).get(0).trim();
			ProcessHandle.of(Long.parseLong(firstLine)).ifPresent(ProcessHandle::destroyForcibly);
		}
		catch (IOException | RuntimeException ex) {
			// No readable pid: nothing left to kill.
		}
	}

	private void pgCtlStop(String mode) {
		runAsServerAccount(List.of(this.binaries.executable("pg_ctl"), "-D", dataDirectory().toString(), "-m", mode,
				"-w", "-t", Integer.toString(PG_CTL_WAIT_SECONDS), "stop"));
		this.running = false;
	}

	private void runAsServerAccount(List<String> command) {
		ServerAccount.current().run(command, this.directory, this.directory.resolve("commands.log"), COMMAND_TIMEOUT);
	}

	private void configureSocketDirectory() {
		String socketDirectory = this.directory.toString();
		// The ".s.PGSQL.<port>.lock" name must fit too; with no unix socket, JDBC over
		// TCP still works.
		boolean fits = socketDirectory.length() + ".s.PGSQL.65535.lock".length() + 1 <= MAX_SOCKET_PATH;
		configure(Map.of("unix_socket_directories", quoted(fits ? socketDirectory : "")));
	}

	private void appendToFile(String name, String text) {
		Path file = dataDirectory().resolve(name);
		try {
			Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not append to " + file, ex);
		}
	}

	private String logSince(long offset) {
		try {
			byte[] all = Files.readAllBytes(logFile());
			return new String(all, (int) Math.min(offset, all.length), (int) Math.max(0, all.length - offset),
					StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			return "";
		}
	}

	private static long sizeOf(Path file) {
		try {
			return Files.exists(file) ? Files.size(file) : 0;
		}
		catch (IOException ex) {
			return 0;
		}
	}

	private static void copyTree(Path source, Path target) {
		try (Stream<Path> paths = Files.walk(source)) {
			// Files.walk lists every directory before its contents.
			for (Path path : paths.toList()) {
				Path copy = target.resolve(source.relativize(path).toString());
				Files.copy(path, copy, StandardCopyOption.COPY_ATTRIBUTES, LinkOption.NOFOLLOW_LINKS);
				ServerAccount.current().giveOwnership(copy);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not copy " + source + " to " + target, ex);
		}
	}

}

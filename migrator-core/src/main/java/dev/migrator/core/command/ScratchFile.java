package dev.migrator.core.command;

import dev.migrator.core.config.MigratorConfig;
import dev.migrator.core.error.ErrorCode;
import dev.migrator.core.error.MigratorException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.stream.Stream;

/**
 * A scratch SQLite database in a temporary folder of its own, opened with the live
 * connection's driver; the folder is deleted when closed, with the database and whatever
 * else SQLite and the run lock put beside it (journal, lock file).
 */
final class ScratchFile implements ScratchPlace {

	private final Path folder;

	private final MigratorConfig config;

	private ScratchFile(Path folder, MigratorConfig config) {
		this.folder = folder;
		this.config = config;
	}

	static ScratchFile create(MigratorConfig base, Connection live) throws SQLException {
		Path folder;
		try {
			folder = Files.createTempDirectory("migrator-drift-");
		}
		catch (IOException ex) {
			throw new MigratorException(ErrorCode.SCRATCH_DATABASE,
					"Could not create a temporary file for drift's copy of the schema: " + ex.getMessage()
							+ ". Check the temporary directory (java.io.tmpdir).",
					ex);
		}
		String url = "jdbc:sqlite:" + folder.resolve("copy.db").toAbsolutePath();
		try {
			return new ScratchFile(folder,
					base.forScratch(new DriverDataSource(driverOf(live, url), url), Optional.empty()));
		}
		catch (RuntimeException ex) {
			new ScratchFile(folder, base).close();
			throw ex;
		}
	}

	/**
	 * The driver of the live connection, found where its class was loaded: the
	 * application's or plugin's class path.
	 */
	private static Driver driverOf(Connection live, String url) throws SQLException {
		for (Driver driver : ServiceLoader.load(Driver.class, live.getClass().getClassLoader())) {
			if (driver.acceptsURL(url)) {
				return driver;
			}
		}
		throw new MigratorException(ErrorCode.SCRATCH_DATABASE,
				"No JDBC driver for " + url + " next to the live connection's driver (" + live.getClass().getName()
						+ "), so drift cannot build its copy of the schema.");
	}

	@Override
	public String describe() {
		return "a scratch database in " + this.folder;
	}

	@Override
	public MigratorConfig config() {
		return this.config;
	}

	@Override
	public void close() {
		try (Stream<Path> files = Files.walk(this.folder)) {
			for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
				delete(path);
			}
		}
		catch (IOException ex) {
			this.folder.toFile().deleteOnExit();
		}
	}

	private static void delete(Path path) {
		try {
			Files.deleteIfExists(path);
		}
		catch (IOException ex) {
			path.toFile().deleteOnExit();
		}
	}

}

package dev.migrator.test.autoconfigure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A new, empty SQLite database file for one test context, under the build's directory.
 */
public final class SqliteTestFile {

	private static final Path DIRECTORY = Path.of("target", "test-databases");

	private SqliteTestFile() {
	}

	/** The JDBC URL of a file that does not exist yet: SQLite creates it on connect. */
	public static String freshUrl() {
		try {
			Files.createDirectories(DIRECTORY);
			Path file = Files.createTempFile(DIRECTORY, "migrated-", ".db");
			Files.delete(file);
			return "jdbc:sqlite:" + file.toAbsolutePath();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}

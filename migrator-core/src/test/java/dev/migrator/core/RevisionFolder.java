package dev.migrator.core;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A folder of SQL revision files written by a test, used as a {@code filesystem:}
 * location.
 */
final class RevisionFolder {

	private final Path folder;

	RevisionFolder(Path folder) {
		this.folder = folder;
	}

	/**
	 * Writes a revision file; the header is given as {@code key value} lines without the
	 * prefix.
	 */
	RevisionFolder file(String name, String content) {
		try {
			Files.createDirectories(this.folder);
			Files.writeString(this.folder.resolve(name), content);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return this;
	}

	/** A simple reversible revision that creates one table. */
	RevisionFolder table(String id, String parent, String table) {
		String revises = (parent == null) ? "" : "-- migrator:revises " + parent + "\n";
		return file(id + ".sql", "-- migrator:revision " + id + "\n" + revises + "-- migrator:message create " + table
				+ "\n-- migrator:upgrade\nCREATE TABLE " + table + " (id integer PRIMARY KEY, name varchar(100));\n"
				+ "-- migrator:downgrade\nDROP TABLE " + table + ";\n");
	}

	String location() {
		return "filesystem:" + this.folder.toAbsolutePath();
	}

	Path path() {
		return this.folder;
	}

}

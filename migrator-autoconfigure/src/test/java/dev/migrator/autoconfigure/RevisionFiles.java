package dev.migrator.autoconfigure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A folder of SQL revision files written by a test, used as a {@code filesystem:}
 * location.
 */
public final class RevisionFiles {

	private final Path folder;

	private RevisionFiles(Path folder) {
		this.folder = folder;
	}

	public static RevisionFiles in(Path folder) {
		return new RevisionFiles(folder);
	}

	/**
	 * Two reversible revisions, {@code 0001_create_people} then
	 * {@code 0002_create_orders}.
	 */
	public static RevisionFiles twoTables(Path folder) {
		return in(folder).table("0001_create_people", null, "people")
			.table("0002_create_orders", "0001_create_people", "orders");
	}

	/** A reversible revision that creates one table. */
	public RevisionFiles table(String id, String parent, String table) {
		return file(id + ".sql", header(id, parent, "create " + table) + "-- migrator:upgrade\nCREATE TABLE " + table
				+ " (id integer PRIMARY KEY, name varchar(100));\n-- migrator:downgrade\nDROP TABLE " + table + ";\n");
	}

	/** A revision whose upgrade fails: it inserts into a table that does not exist. */
	public RevisionFiles failing(String id, String parent) {
		return file(id + ".sql",
				header(id, parent, "fails") + "-- migrator:upgrade\n" + "INSERT INTO no_such_table (id) VALUES (1);\n");
	}

	public RevisionFiles file(String name, String content) {
		try {
			Files.createDirectories(this.folder);
			Files.writeString(this.folder.resolve(name), content);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return this;
	}

	/** The folder as a value of {@code migrator.locations}. */
	public String location() {
		return "filesystem:" + this.folder.toAbsolutePath();
	}

	public Path path() {
		return this.folder;
	}

	private static String header(String id, String parent, String message) {
		String revises = (parent != null) ? "-- migrator:revises " + parent + "\n" : "";
		return "-- migrator:revision " + id + "\n" + revises + "-- migrator:message " + message + "\n";
	}

}

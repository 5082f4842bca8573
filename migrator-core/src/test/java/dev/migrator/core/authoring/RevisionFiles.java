package dev.migrator.core.authoring;

import dev.migrator.core.Migrator;
import dev.migrator.core.config.MigratorConfig;
import dev.migrator.core.script.RevisionGraph;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;

/**
 * A folder of SQL revision files written by a test, and the revision graph they load
 * into.
 */
final class RevisionFiles {

	private final Path folder;

	RevisionFiles(Path folder) {
		this.folder = folder;
		try {
			Files.createDirectories(folder);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	Path folder() {
		return this.folder;
	}

	/**
	 * A reversible revision creating one table; {@code parents} may be empty for a root.
	 */
	RevisionFiles table(String id, String table, String... parents) {
		String revises = (parents.length == 0) ? "" : "-- migrator:revises " + String.join(", ", parents) + "\n";
		return file(id + ".sql", "-- migrator:revision " + id + "\n" + revises + "-- migrator:upgrade\nCREATE TABLE "
				+ table + " (id integer PRIMARY KEY);\n-- migrator:downgrade\nDROP TABLE " + table + ";\n");
	}

	RevisionFiles file(String name, String content) {
		try {
			Files.writeString(this.folder.resolve(name), content);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return this;
	}

	/** Fills the empty upgrade section of a written skeleton, as its author would. */
	static void fillUpgrade(Path file, String upgradeSql, String downgradeSql) {
		try {
			String text = Files.readString(file);
			text = text.replace("-- migrator:upgrade\n", "-- migrator:upgrade\n" + upgradeSql + "\n")
				.replace("-- migrator:downgrade\n", "-- migrator:downgrade\n" + downgradeSql + "\n");
			Files.writeString(file, text);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	MigratorConfig.Builder config() {
		return MigratorConfig.builder().locations("filesystem:" + this.folder.toAbsolutePath());
	}

	/** The graph as it is on disk at each call. */
	Supplier<RevisionGraph> graph() {
		return () -> Migrator.create(config().build()).graph();
	}

}

package dev.migrator.core.script;

import java.io.IOException;
import java.io.InputStream;

/** Reads one file found while listing a folder, into whatever the caller collects. */
@FunctionalInterface
interface FolderFileReader<T> {

	/**
	 * @param relativePath the file's path below the folder, with {@code /} separators
	 * @param content opens the file's content; only valid during this call
	 */
	T read(String relativePath, Content content) throws IOException;

	/** Opens a file's content. */
	@FunctionalInterface
	interface Content {

		InputStream open() throws IOException;

	}

}

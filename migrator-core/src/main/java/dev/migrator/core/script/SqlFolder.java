package dev.migrator.core.script;

import dev.migrator.core.error.ErrorCode;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The {@code .sql} files below a location written as {@code migrator.locations} are
 * ({@code classpath:…} or {@code filesystem:…}), read as UTF-8, in path order: for
 * folders of SQL that are not revisions yet, such as a Flyway project to import.
 */
public final class SqlFolder {

	private final RevisionLocation location;

	private final ClassLoader loader;

	private final String property;

	/**
	 * @param location the folder
	 * @param loader the class loader whose class path {@code classpath:} folders are
	 * found on
	 * @param property the setting that names the folder, for messages
	 * @throws RevisionSourceException when the location is not written as a folder of
	 * either kind
	 */
	public SqlFolder(String location, ClassLoader loader, String property) {
		this.location = RevisionLocation.parse(location);
		this.loader = loader;
		this.property = property;
	}

	/**
	 * One file.
	 *
	 * @param name its name, without folders
	 * @param location the file as users write it, such as
	 * {@code classpath:db/migration/V1__init.sql}
	 * @param text its content
	 */
	public record File(String name, String location, String text) {
	}

	/**
	 * The files.
	 * @throws RevisionSourceException when the folder does not exist, cannot be read, or
	 * holds a file that is not UTF-8
	 */
	public List<File> files() {
		FolderFileReader<File> reader = (relativePath, content) -> {
			String file = this.location.file(relativePath);
			String name = relativePath.substring(relativePath.lastIndexOf('/') + 1);
			return new File(name, file, SqlFileRevisionSource.text(file, content));
		};
		Optional<List<File>> files;
		try {
			files = this.location.onClasspath()
					? new ClasspathFolder(this.loader, this.location.path()).read(".sql", reader)
					: new FileSystemFolder(Path.of(this.location.path())).read(".sql", reader);
		}
		catch (IOException ex) {
			throw new RevisionSourceException(ErrorCode.UNREADABLE_LOCATION,
					this.location + ": cannot be read (" + ex + "). Check that the folder and its files are readable.",
					ex);
		}
		return files.orElseThrow(() -> SqlFileRevisionSource.notFound(this.location, this.property));
	}

}

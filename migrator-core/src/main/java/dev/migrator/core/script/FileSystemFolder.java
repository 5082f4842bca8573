package dev.migrator.core.script;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A folder on the file system, read recursively. Files and folders whose names start with
 * {@code .} are skipped: they are editor backups and the like (and, in a Kubernetes
 * config map volume, a second copy of every file).
 */
final class FileSystemFolder {

	private final Path path;

	FileSystemFolder(Path path) {
		this.path = path;
	}

	/**
	 * Reads every file below the folder, at any depth, whose name ends with the suffix,
	 * in path order. Empty when the folder does not exist; an empty list when it holds no
	 * such file.
	 */
	<T> Optional<List<T>> read(String suffix, FolderFileReader<T> reader) throws IOException {
		if (!Files.isDirectory(this.path)) {
			return Optional.empty();
		}
		// The real path, so that a folder that is itself a symbolic link is walked into.
		Path directory = this.path.toRealPath();
		List<FoundFile> found;
		try (Stream<Path> walk = Files.walk(directory)) {
			// Each relative path is built once: rebuilt at every comparison of the sort,
			// it cost a fresh JVM tens of
			// milliseconds on a thousand files.
			found = walk.filter((file) -> !file.equals(directory))
				.filter((file) -> endsWithIgnoringCase(file.getFileName().toString(), suffix))
				.map((file) -> new FoundFile(relativePath(directory, file), file))
				.filter((file) -> !isHidden(file.relativePath()))
				.filter((file) -> Files.isRegularFile(file.path()))
				.sorted(Comparator.comparing(FoundFile::relativePath))
				.toList();
		}
		catch (UncheckedIOException ex) {
			throw ex.getCause();
		}
		List<T> files = new ArrayList<>(found.size());
		for (FoundFile file : found) {
			files.add(reader.read(file.relativePath(), () -> Files.newInputStream(file.path())));
		}
		return Optional.of(files);
	}

	private record FoundFile(String relativePath, Path path) {
	}

	static boolean isHidden(String relativePath) {
		return Stream.of(relativePath.split("/")).anyMatch((name) -> name.startsWith("."));
	}

	private static String relativePath(Path directory, Path file) {
		List<String> names = new ArrayList<>();
		directory.relativize(file).forEach((name) -> names.add(name.toString()));
		return String.join("/", names);
	}

	// A revision saved as NAME.SQL must not vanish without a word.
	static boolean endsWithIgnoringCase(String name, String suffix) {
		return name.regionMatches(true, name.length() - suffix.length(), suffix, 0, suffix.length());
	}

}

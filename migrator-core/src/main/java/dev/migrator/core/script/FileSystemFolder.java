package dev.migrator.core.script;

import dev.migrator.core.error.ErrorCode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
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
				.sorted(Comparator.comparing(FoundFile::relativePath))
				.peek(FileSystemFolder::requireReachable)
				.filter((file) -> Files.isRegularFile(file.path()))
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

	/**
	 * A revision file given as a symbolic link that leads nowhere cannot be read;
	 * skipped, the other revisions would run without it.
	 */
	private static void requireReachable(FoundFile file) {
		if (!Files.isSymbolicLink(file.path()) || Files.exists(file.path())) {
			return;
		}
		String why;
		try {
			file.path().toRealPath();
			return;
		}
		catch (NoSuchFileException ex) {
			why = "leads to " + linkTarget(file.path()) + ", which does not exist";
		}
		catch (IOException ex) {
			why = "cannot be followed: the links loop, or one of them cannot be read (" + ex.getMessage() + ")";
		}
		throw new RevisionSourceException(ErrorCode.UNREADABLE_LOCATION, file.path() + ": the symbolic link " + why
				+ ". Point it at the revision file, or remove it. Nothing was applied.");
	}

	private static String linkTarget(Path link) {
		try {
			return Files.readSymbolicLink(link).toString();
		}
		catch (IOException ex) {
			return "a file";
		}
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

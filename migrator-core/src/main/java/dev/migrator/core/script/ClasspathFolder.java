package dev.migrator.core.script;

import java.io.IOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.List;
import java.util.Optional;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * A folder on the class path, which may be spread over several class path roots:
 * directories ({@code file:} URLs) and jars ({@code jar:} URLs, including Spring Boot's
 * nested jars, which are opened through the URL's own handler).
 *
 * <p>
 * As in {@link FileSystemFolder}, files and folders whose names start with {@code .} are
 * skipped.
 */
final class ClasspathFolder {

	private final ClassLoader loader;

	private final String path;

	/**
	 * @param loader the class loader whose class path is searched
	 * @param path the folder, such as {@code db/revisions}, without leading or trailing
	 * {@code /}
	 */
	ClasspathFolder(ClassLoader loader, String path) {
		this.loader = loader;
		this.path = path;
	}

	/**
	 * Reads every file below the folder, at any depth, whose name ends with the suffix;
	 * per class path root, in path order. Empty when no class path root has the folder;
	 * an empty list when it exists but holds no such file.
	 *
	 * <p>
	 * A folder inside a jar is only found when the jar has an entry for the folder
	 * itself, as {@code jar} and build tools write by default.
	 */
	<T> Optional<List<T>> read(String suffix, FolderFileReader<T> reader) throws IOException {
		List<URL> roots = Collections.list(this.loader.getResources(this.path));
		List<T> files = new ArrayList<>();
		boolean found = false;
		for (URL root : roots) {
			switch (root.getProtocol()) {
				case "file" -> found |= readDirectory(root, suffix, reader, files);
				case "jar" -> found |= readJar(root, suffix, reader, files);
				default -> throw new IOException(
						"cannot list " + root + ": only file: and jar: class path entries " + "can be listed");
			}
		}
		return found ? Optional.of(files) : Optional.empty();
	}

	private <T> boolean readDirectory(URL root, String suffix, FolderFileReader<T> reader, List<T> files)
			throws IOException {
		Path directory;
		try {
			directory = Path.of(root.toURI());
		}
		catch (URISyntaxException | IllegalArgumentException ex) {
			throw new IOException("cannot turn " + root + " into a path", ex);
		}
		Optional<List<T>> read = new FileSystemFolder(directory).read(suffix, reader);
		read.ifPresent(files::addAll);
		return read.isPresent();
	}

	private <T> boolean readJar(URL root, String suffix, FolderFileReader<T> reader, List<T> files) throws IOException {
		URLConnection connection = root.openConnection();
		if (!(connection instanceof JarURLConnection jarConnection)) {
			throw new IOException("cannot list " + root + ": its handler did not open it as a jar");
		}
		// A private, uncached jar file: closing a shared one would break the class loader
		// that is using it.
		jarConnection.setUseCaches(false);
		try (JarFile jar = jarConnection.getJarFile()) {
			String folder = Optional.ofNullable(jarConnection.getEntryName()).orElse("");
			String prefix = (folder.isEmpty() || folder.endsWith("/")) ? folder : folder + "/";
			List<JarEntry> entries = new ArrayList<>();
			for (Enumeration<JarEntry> all = jar.entries(); all.hasMoreElements();) {
				JarEntry entry = all.nextElement();
				String name = entry.getName();
				if (!entry.isDirectory() && name.startsWith(prefix)
						&& FileSystemFolder.endsWithIgnoringCase(name, suffix)
						&& !FileSystemFolder.isHidden(name.substring(prefix.length()))) {
					entries.add(entry);
				}
			}
			entries.sort(Comparator.comparing(JarEntry::getName));
			for (JarEntry entry : entries) {
				files.add(reader.read(entry.getName().substring(prefix.length()), () -> jar.getInputStream(entry)));
			}
			return true;
		}
	}

}

package dev.migrator.benchmarks;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/**
 * A class path with every directory packed into a jar. The JVM refuses to write or use a
 * class data sharing archive for a class path with a non-empty directory on it
 * ({@code target/classes} here), and a deployed application runs from jars anyway.
 */
final class JarredClassPath {

	private JarredClassPath() {
	}

	static String of(String classPath, Path folder) throws IOException {
		Files.createDirectories(folder);
		List<String> entries = new ArrayList<>();
		for (String entry : classPath.split(File.pathSeparator)) {
			Path path = Path.of(entry);
			if (Files.isDirectory(path)) {
				Path jar = folder.resolve("classpath-" + entries.size() + ".jar");
				pack(path, jar);
				entries.add(jar.toString());
			}
			else {
				entries.add(entry);
			}
		}
		return String.join(File.pathSeparator, entries);
	}

	static void pack(Path directory, Path jar) throws IOException {
		try (OutputStream out = Files.newOutputStream(jar);
				JarOutputStream jarOut = new JarOutputStream(out);
				Stream<Path> files = Files.walk(directory)) {
			for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
				jarOut
					.putNextEntry(new JarEntry(directory.relativize(file).toString().replace(File.separatorChar, '/')));
				Files.copy(file, jarOut);
				jarOut.closeEntry();
			}
		}
	}

}

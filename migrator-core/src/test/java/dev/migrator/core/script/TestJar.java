package dev.migrator.core.script;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/**
 * Writes a jar of a directory's files, with an entry for each folder as the jar tool
 * writes.
 */
final class TestJar {

	private TestJar() {
	}

	static Path of(Path directory, Path jar) throws IOException {
		List<Path> paths;
		try (Stream<Path> walk = Files.walk(directory)) {
			paths = walk.filter((path) -> !path.equals(directory)).sorted().toList();
		}
		try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
			for (Path path : paths) {
				List<String> names = new ArrayList<>();
				directory.relativize(path).forEach((name) -> names.add(name.toString()));
				String name = String.join("/", names);
				if (Files.isDirectory(path)) {
					out.putNextEntry(new JarEntry(name + "/"));
				}
				else {
					out.putNextEntry(new JarEntry(name));
					Files.copy(path, out);
				}
				out.closeEntry();
			}
		}
		return jar;
	}

}

package dev.migrator.maven;

import dev.migrator.core.Migrator;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Properties;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/**
 * A local Maven repository for the integration test, under target: this build's plugin,
 * the engine and the parent POM, laid out as {@code install} would. Everything else the
 * nested build needs it reads from the user's local repository, named as a read-only
 * tail, so nothing is written there and no stale installed plugin is used.
 */
final class ItRepository {

	private final Path root;

	private final Path repository;

	private final String version;

	ItRepository(Path root, Path repository, String version) {
		this.root = root;
		this.repository = repository;
		this.version = version;
	}

	Path path() {
		return this.repository;
	}

	/**
	 * Puts the plugin jar, the engine jar and the three POMs in place, replacing what an
	 * earlier run put there.
	 */
	ItRepository stage(Path pluginJar) throws IOException {
		deleteRecursively(this.repository.resolve("dev/migrator"));
		put("migrator-parent", this.root.resolve("pom.xml"), "pom");
		put("migrator-core", this.root.resolve("migrator-core/pom.xml"), "pom");
		put("migrator-core", engineJar(), "jar");
		put("migrator-maven-plugin", this.root.resolve("migrator-maven-plugin/pom.xml"), "pom");
		put("migrator-maven-plugin", pluginJar, "jar");
		return this;
	}

	private void put(String artifactId, Path file, String extension) throws IOException {
		Path folder = Files
			.createDirectories(this.repository.resolve("dev/migrator/" + artifactId + "/" + this.version));
		Files.copy(file, folder.resolve(artifactId + "-" + this.version + "." + extension),
				StandardCopyOption.REPLACE_EXISTING);
	}

	/**
	 * The engine this test runs with: its jar, or its classes folder packed into one
	 * (when run from an IDE).
	 */
	private Path engineJar() throws IOException {
		Path location;
		try {
			location = Path.of(Migrator.class.getProtectionDomain().getCodeSource().getLocation().toURI());
		}
		catch (URISyntaxException ex) {
			throw new IllegalStateException(ex);
		}
		if (Files.isRegularFile(location)) {
			return location;
		}
		Path jar = Files.createTempFile("migrator-core-", ".jar");
		try (OutputStream out = Files.newOutputStream(jar);
				JarOutputStream zip = new JarOutputStream(out);
				Stream<Path> files = Files.walk(location)) {
			for (Path file : files.filter(Files::isRegularFile).toList()) {
				zip.putNextEntry(new JarEntry(location.relativize(file).toString().replace('\\', '/')));
				Files.copy(file, zip);
				zip.closeEntry();
			}
		}
		return jar;
	}

	/**
	 * The version of a dependency on the test's class path, from the Maven metadata in
	 * its jar.
	 */
	static String versionOf(String groupId, String artifactId) throws IOException {
		String resource = "META-INF/maven/" + groupId + "/" + artifactId + "/pom.properties";
		try (InputStream in = ItRepository.class.getClassLoader().getResourceAsStream(resource)) {
			if (in == null) {
				throw new IllegalStateException(resource + " is not on the test class path");
			}
			Properties properties = new Properties();
			properties.load(in);
			return properties.getProperty("version");
		}
	}

	static void deleteRecursively(Path folder) throws IOException {
		if (!Files.exists(folder)) {
			return;
		}
		try (Stream<Path> files = Files.walk(folder)) {
			for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
				Files.delete(file);
			}
		}
	}

}

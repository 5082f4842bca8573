package dev.migrator.sample;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample jar in the layout Spring Boot recommends for production
 * ({@code java -Djarmode=tools -jar sample-app.jar extract}), with a class data sharing
 * archive from one training start. A JVM started so spends about half the CPU time of one
 * started from the packaged jar, which is what makes the tests that start many instances
 * fit the build's time. Made once per test JVM, beside the packaged jar.
 */
final class ExtractedJar {

	private static final Duration TRAINING_LIMIT = Duration.ofSeconds(180);

	private static ExtractedJar shared;

	private final Path jar;

	private final Path archive;

	private ExtractedJar(Path jar, Path archive) {
		this.jar = jar;
		this.archive = archive;
	}

	/** The extracted jar, extracting and training it on first use. */
	static synchronized ExtractedJar of(Path packagedJar, List<String> jvmOptions) {
		if (shared == null) {
			shared = extractAndTrain(packagedJar, jvmOptions);
		}
		return shared;
	}

	Path jar() {
		return this.jar;
	}

	/**
	 * The options that load the archive. A JVM that cannot use it starts without it; it
	 * says so on standard output, which the class data sharing log tags would mix into
	 * what the tests read, so they are off.
	 */
	List<String> jvmOptions() {
		return List.of("-XX:SharedArchiveFile=" + this.archive, "-Xlog:cds=off", "-Xlog:cds+dynamic=off");
	}

	private static ExtractedJar extractAndTrain(Path packagedJar, List<String> jvmOptions) {
		Path folder = packagedJar.resolveSibling("sample-app-extracted");
		Path jar = folder.resolve("sample-app.jar");
		Path archive = folder.resolve("sample-app.jsa");
		try {
			deleteRecursively(folder);
			Files.createDirectories(folder);
			run(folder, List.of("-Djarmode=tools", "-jar", packagedJar.toString(), "extract", "--force",
					"--destination", folder.toString()));
			assertThat(jar).as("the extracted jar").isRegularFile();
			// A training start: the web app's context refreshes on an empty SQLite file
			// and the JVM exits, writing the classes it loaded to the archive.
			Path training = Files.createDirectories(folder.resolve("training"));
			List<String> train = new ArrayList<>(jvmOptions);
			train.addAll(List.of("-XX:ArchiveClassesAtExit=" + archive, "-Dspring.context.exit=onRefresh", "-jar",
					jar.toString(), "--server.port=0"));
			run(training, train);
			assertThat(archive).as("the class data sharing archive").isRegularFile();
			return new ExtractedJar(jar, archive);
		}
		catch (IOException ex) {
			throw new IllegalStateException("Could not extract " + packagedJar, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static void run(Path directory, List<String> arguments) throws IOException, InterruptedException {
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.addAll(arguments);
		Path log = directory.resolve("extract-or-train.log");
		Process process = SampleJar.processBuilder(command, directory)
			.redirectErrorStream(true)
			.redirectOutput(log.toFile())
			.start();
		boolean ended = process.waitFor(TRAINING_LIMIT.toSeconds(), TimeUnit.SECONDS);
		if (!ended) {
			process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
		}
		assertThat(ended && process.exitValue() == 0)
			.as("%s; its output:%n%s", String.join(" ", command), Files.exists(log) ? Files.readString(log) : "")
			.isTrue();
	}

	private static void deleteRecursively(Path folder) throws IOException {
		if (!Files.exists(folder)) {
			return;
		}
		try (Stream<Path> paths = Files.walk(folder)) {
			for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
				Files.delete(path);
			}
		}
	}

}

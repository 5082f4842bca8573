package dev.migrator.maven;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs this repository's Maven wrapper on a test project, offline, and keeps what it
 * printed.
 */
final class NestedMaven {

	private final Path wrapper;

	private final Path repository;

	private final Path userRepository;

	NestedMaven(Path wrapper, Path repository, Path userRepository) {
		this.wrapper = wrapper;
		this.repository = repository;
		this.userRepository = userRepository;
	}

	/** The outcome of one run. */
	record Run(int exitCode, String output) {

		@Override
		public String toString() {
			return "exit " + this.exitCode + ":\n" + this.output;
		}

	}

	Run run(Path project, String... arguments) throws IOException, InterruptedException {
		List<String> command = new ArrayList<>(List.of(this.wrapper.toString(), "-B", "-o", "-ntp",
				"-Dmaven.repo.local=" + this.repository, "-Dmaven.repo.local.tail=" + this.userRepository));
		command.addAll(List.of(arguments));
		Process process = new ProcessBuilder(command).directory(project.toFile()).redirectErrorStream(true).start();
		process.getOutputStream().close();
		// Read on another thread, so that a run that hangs fails the test after the
		// timeout instead of blocking it.
		CompletableFuture<byte[]> output = CompletableFuture.supplyAsync(() -> {
			try {
				return process.getInputStream().readAllBytes();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		});
		if (!process.waitFor(3, TimeUnit.MINUTES)) {
			process.destroyForcibly();
			throw new IllegalStateException("the nested Maven run did not end within 3 minutes: " + command);
		}
		return new Run(process.exitValue(), new String(output.join(), StandardCharsets.UTF_8));
	}

}

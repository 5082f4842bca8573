package dev.migrator.sample;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A finished run of the sample app: its exit code, and what it wrote to standard output
 * (results and the console log) and standard error.
 */
record ProcessRun(int exitCode, Path stdoutFile, Path stderrFile) {

	String stdout() {
		return read(this.stdoutFile);
	}

	String stderr() {
		return read(this.stderrFile);
	}

	/**
	 * Both streams, for assertions on what a user sees in a terminal and for failure
	 * messages.
	 */
	String output() {
		return stdout() + stderr();
	}

	private static String read(Path file) {
		try {
			return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}

package dev.migrator.testsupport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The last lines of a log, for error messages that must say why a server did not come up.
 */
final class LogTail {

	private static final int LINES = 40;

	private LogTail() {
	}

	static String of(Path log) {
		try {
			List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
			return String.join("\n", lines.subList(Math.max(0, lines.size() - LINES), lines.size()));
		}
		catch (IOException ex) {
			return "(no log at " + log + ": " + ex + ")";
		}
	}

}

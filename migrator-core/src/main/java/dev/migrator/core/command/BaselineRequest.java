package dev.migrator.core.command;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where the baseline writes its revision, and the revision's id.
 *
 * @param output the folder the revision file is written to
 * @param revision the revision's id, {@value #DEFAULT_REVISION} by default; the file is
 * named after it
 */
public record BaselineRequest(Path output, String revision) {

	/** The id of a baseline revision unless one is given. */
	public static final String DEFAULT_REVISION = "baseline";

	public BaselineRequest {
		Objects.requireNonNull(output, "output");
		Objects.requireNonNull(revision, "revision");
		revision = revision.strip();
	}

	/** A request for the revision {@value #DEFAULT_REVISION}. */
	public BaselineRequest(Path output) {
		this(output, DEFAULT_REVISION);
	}

	/** The revision file. */
	public Path file() {
		return this.output.resolve(this.revision + ".sql");
	}

}

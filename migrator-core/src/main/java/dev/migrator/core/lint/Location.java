package dev.migrator.core.lint;

import java.util.Objects;

/**
 * Where a finding is: a revision file and a line in it.
 *
 * @param file the file as shown to users, such as
 * {@code classpath:db/revisions/0003_add_index.sql}
 * @param line the 1-based line, or 0 when there is no line to point at
 */
public record Location(String file, int line) {

	public Location {
		Objects.requireNonNull(file, "file");
	}

	/** {@code file:line}, or just the file without a line. */
	@Override
	public String toString() {
		return (this.line > 0) ? this.file + ":" + this.line : this.file;
	}

}

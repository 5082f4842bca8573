package dev.migrator.core.flyway;

import java.util.Objects;
import java.util.Optional;

/**
 * One {@code .sql} file of a Flyway project, classified by its name as Flyway's default
 * naming classifies it: {@code V<version>__<description>.sql} (versioned),
 * {@code R__<description>.sql} (repeatable), {@code U…} (undo) and {@code B…} (baseline
 * migration).
 *
 * @param kind what the name makes it
 * @param version the version of a versioned, undo or baseline file
 * @param description the description, underscores read as spaces
 * @param fileName the file's name, such as {@code V13.1__workflow_index_columns.sql}
 * @param location where it was found, as users write it, for messages
 * @param text its content
 */
public record FlywayMigrationFile(Kind kind, Optional<FlywayVersion> version, String description, String fileName,
		String location, String text) {

	private static final String SEPARATOR = "__";

	private static final String SUFFIX = ".sql";

	public FlywayMigrationFile {
		Objects.requireNonNull(kind, "kind");
		Objects.requireNonNull(version, "version");
		Objects.requireNonNull(description, "description");
		Objects.requireNonNull(fileName, "fileName");
		Objects.requireNonNull(location, "location");
		Objects.requireNonNull(text, "text");
	}

	/** What a file name makes a file. */
	public enum Kind {

		VERSIONED, REPEATABLE, UNDO, BASELINE,
		/** Not a migration by Flyway's default naming: Flyway skips it too. */
		OTHER

	}

	/**
	 * Classifies a file by its name.
	 * @param fileName the name without folders
	 * @param location the file as users see it
	 * @param text the content
	 */
	public static FlywayMigrationFile of(String fileName, String location, String text) {
		int separator = fileName.indexOf(SEPARATOR);
		if (!fileName.endsWith(SUFFIX) || separator < 1) {
			return other(fileName, location, text);
		}
		String prefix = fileName.substring(0, separator);
		String description = fileName.substring(separator + SEPARATOR.length(), fileName.length() - SUFFIX.length())
			.replace('_', ' ');
		char kind = prefix.charAt(0);
		if (kind == 'R' && prefix.length() == 1) {
			return new FlywayMigrationFile(Kind.REPEATABLE, Optional.empty(), description, fileName, location, text);
		}
		Optional<FlywayVersion> version = FlywayVersion.parse(prefix.substring(1));
		if (version.isEmpty()) {
			return other(fileName, location, text);
		}
		return switch (kind) {
			case 'V' -> new FlywayMigrationFile(Kind.VERSIONED, version, description, fileName, location, text);
			case 'U' -> new FlywayMigrationFile(Kind.UNDO, version, description, fileName, location, text);
			case 'B' -> new FlywayMigrationFile(Kind.BASELINE, version, description, fileName, location, text);
			default -> other(fileName, location, text);
		};
	}

	private static FlywayMigrationFile other(String fileName, String location, String text) {
		return new FlywayMigrationFile(Kind.OTHER, Optional.empty(), "", fileName, location, text);
	}

	/** The file name without {@code .sql}: the id of the revision it becomes. */
	public String revisionId() {
		return this.fileName.endsWith(SUFFIX) ? this.fileName.substring(0, this.fileName.length() - SUFFIX.length())
				: this.fileName;
	}

	/** The checksum Flyway records for this file. */
	public int checksum() {
		return FlywayChecksum.of(this.text);
	}

}

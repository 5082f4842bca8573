package dev.migrator.core.flyway;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One row of Flyway's history table ({@code flyway_schema_history}).
 *
 * @param rank its {@code installed_rank}: the order Flyway applied things in
 * @param version the version; empty for repeatable migrations and schema creation
 * @param description the description
 * @param type {@code SQL}, {@code JDBC} (a Java migration), {@code BASELINE},
 * {@code SCHEMA}, {@code DELETE}…
 * @param script the file (or class) it ran
 * @param checksum the recorded checksum; empty for baselines and some Java migrations
 * @param installedBy the database user that applied it
 * @param installedOn when
 * @param executionMillis how long it took
 * @param success whether it succeeded
 */
public record FlywayHistoryRow(int rank, Optional<FlywayVersion> version, String description, String type,
		String script, OptionalInt checksum, String installedBy, Instant installedOn, long executionMillis,
		boolean success) {

	public FlywayHistoryRow {
		Objects.requireNonNull(version, "version");
		Objects.requireNonNull(description, "description");
		Objects.requireNonNull(type, "type");
		Objects.requireNonNull(script, "script");
		Objects.requireNonNull(checksum, "checksum");
		Objects.requireNonNull(installedBy, "installedBy");
		Objects.requireNonNull(installedOn, "installedOn");
	}

	/** A SQL migration Flyway applied (versioned or repeatable). */
	public boolean isSql() {
		return "SQL".equals(this.type);
	}

	public boolean isBaseline() {
		return "BASELINE".equals(this.type) || "SQL_BASELINE".equals(this.type);
	}

	/** A Java migration: there is no file to import. */
	public boolean isJava() {
		return this.type.contains("JDBC") || this.type.contains("SPRING");
	}

	/** A marker Flyway writes when a migration's entry was deleted from the history. */
	public boolean isDeletion() {
		return "DELETE".equals(this.type);
	}

	/** Flyway's record that it created the schema: nothing to import. */
	public boolean isSchemaCreation() {
		return "SCHEMA".equals(this.type);
	}

	/** How this row is named in messages: its version (or description) and script. */
	public String describe() {
		return this.version.map((v) -> "version " + v).orElse("'" + this.description + "'") + " (" + this.script
				+ ", installed_rank " + this.rank + ")";
	}

}

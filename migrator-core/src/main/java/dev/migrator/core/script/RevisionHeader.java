package dev.migrator.core.script;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A revision's header once checked: what a SQL file's {@code -- migrator:} lines or a
 * {@link MigratorRevision} annotation say, before the body is attached.
 */
record RevisionHeader(String id, List<String> revises, List<String> branchLabels, List<String> dependsOn,
		String message, Phase phase, boolean transactional, Optional<Duration> lockTimeout,
		Optional<Duration> statementTimeout) {

	RevisionHeader {
		revises = List.copyOf(revises);
		branchLabels = List.copyOf(branchLabels);
		dependsOn = List.copyOf(dependsOn);
	}

	/**
	 * A builder with every header value set; the caller adds origin, checksum and bodies.
	 */
	Revision.Builder toBuilder() {
		Revision.Builder builder = Revision.builder(this.id)
			.revises(this.revises)
			.branchLabels(this.branchLabels)
			.dependsOn(this.dependsOn)
			.message(this.message)
			.phase(this.phase)
			.transactional(this.transactional);
		this.lockTimeout.ifPresent(builder::lockTimeout);
		this.statementTimeout.ifPresent(builder::statementTimeout);
		return builder;
	}

	/**
	 * The values one per line in a fixed order, for the checksum of a Java revision:
	 * equal headers give equal text however they were spelled ({@code 2s} or
	 * {@code 2000ms}).
	 */
	String canonicalText() {
		return String.join("\n", "revision=" + this.id, "revises=" + String.join(",", this.revises),
				"branch-labels=" + String.join(",", this.branchLabels),
				"depends-on=" + String.join(",", this.dependsOn), "message=" + this.message,
				"phase=" + this.phase.label(), "transactional=" + this.transactional,
				"lock-timeout=" + this.lockTimeout.map(Duration::toString).orElse(""),
				"statement-timeout=" + this.statementTimeout.map(Duration::toString).orElse(""));
	}

}

package dev.migrator.core.lint;

import dev.migrator.core.script.Severity;
import java.util.Objects;

/**
 * One unsafe statement found by a rule.
 *
 * @param ruleId the rule's stable id, such as {@code index-not-concurrent}
 * @param revisionId the revision the statement belongs to
 * @param location the file and line of the statement
 * @param message what is unsafe and why, naming the lock and what it blocks
 * @param safeAlternative how to do the same safely
 * @param severity how bad it is
 */
public record Finding(String ruleId, String revisionId, Location location, String message, String safeAlternative,
		Severity severity) {

	public Finding {
		Objects.requireNonNull(ruleId, "ruleId");
		Objects.requireNonNull(revisionId, "revisionId");
		Objects.requireNonNull(location, "location");
		Objects.requireNonNull(message, "message");
		Objects.requireNonNull(safeAlternative, "safeAlternative");
		Objects.requireNonNull(severity, "severity");
	}

	/**
	 * The finding as one line:
	 * {@code file:line: RULE-ID: message. Safe alternative: ...}.
	 */
	public String toLine() {
		return this.location + ": " + this.ruleId + ": " + this.message + ". Safe alternative: " + this.safeAlternative;
	}

}

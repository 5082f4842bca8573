package dev.migrator.core.script;

import java.util.Objects;

/**
 * A {@code -- migrator:allow RULE-ID reason} comment: the author's statement that one
 * lint rule's finding on the statement it belongs to is understood and accepted.
 *
 * @param ruleId the lint rule allowed, such as {@code index-not-concurrent}
 * @param reason why it is acceptable here; never empty
 * @param line the 1-based line of the comment, or 0 when there is no file
 */
public record Allowance(String ruleId, String reason, int line) {

	public Allowance {
		Objects.requireNonNull(ruleId, "ruleId");
		Objects.requireNonNull(reason, "reason");
	}

}

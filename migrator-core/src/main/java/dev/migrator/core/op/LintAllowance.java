package dev.migrator.core.op;

import dev.migrator.core.error.ErrorCode;

import java.util.Objects;

/**
 * A Java migration's counterpart of a {@code -- migrator:allow} comment: the author's
 * statement that one lint rule's finding on one operation is understood and accepted.
 * Made with {@link Operations#allowing(String, String)}.
 *
 * @param ruleId the lint rule allowed, such as {@code index-not-concurrent}
 * @param reason why it is acceptable here; never blank
 */
public record LintAllowance(String ruleId, String reason) {

	public LintAllowance {
		Objects.requireNonNull(ruleId, "ruleId");
		Objects.requireNonNull(reason, "reason");
		ruleId = ruleId.strip();
		reason = reason.strip();
		if (ruleId.isEmpty()) {
			throw new InvalidOperationException(ErrorCode.UNKNOWN_LINT_RULE,
					"An allowance names no lint rule: give the id of the rule it allows, such as index-not-concurrent.");
		}
		if (reason.isEmpty()) {
			throw new InvalidOperationException(ErrorCode.ALLOW_WITHOUT_REASON, "The allowance of " + ruleId
					+ " gives no reason: say why the finding is acceptable here, as an allow comment must.");
		}
	}

}

package dev.migrator.core.runtime;

import dev.migrator.core.error.ErrorCode;
import dev.migrator.core.error.MigratorException;
import dev.migrator.core.op.LintAllowance;
import dev.migrator.core.script.Allowance;
import dev.migrator.core.script.LintRule;

import java.util.List;

/**
 * The lint allowances a Java migration gave one operation, as the allowances of the
 * statements it renders to. An id that names no rule fails both the run and the lint, as
 * an allow comment with one fails loading the SQL revision.
 */
final class OperationAllowances {

	private OperationAllowances() {
	}

	static List<Allowance> of(List<LintAllowance> allowances) {
		return allowances.stream().map(OperationAllowances::of).toList();
	}

	private static Allowance of(LintAllowance allowance) {
		if (LintRule.byId(allowance.ruleId()).isEmpty()) {
			throw new MigratorException(ErrorCode.UNKNOWN_LINT_RULE, "allowing(\"" + allowance.ruleId()
					+ "\", ...) names no lint rule. The rules are " + String.join(", ", LintRule.ids()) + ".");
		}
		return new Allowance(allowance.ruleId(), allowance.reason(), 0);
	}

}

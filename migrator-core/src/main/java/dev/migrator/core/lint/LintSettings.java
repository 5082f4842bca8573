package dev.migrator.core.lint;

import dev.migrator.core.error.ErrorCode;
import dev.migrator.core.error.MigratorException;
import dev.migrator.core.script.LintRule;

import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * How the linter is set up beyond its defaults: which opt-in (hygiene) rules are on.
 *
 * @param enabled the opt-in rules to apply; the other rules always apply
 */
public record LintSettings(Set<LintRule> enabled) {

	/** No opt-in rule enabled. */
	public static final LintSettings DEFAULTS = new LintSettings(Set.of());

	public LintSettings {
		enabled = Set.copyOf(enabled);
	}

	/**
	 * Settings that enable the opt-in rules of the given ids, such as
	 * {@code prefer-bigint}; fails with {@code unknown-lint-rule} for an id that names no
	 * opt-in rule.
	 */
	public static LintSettings enabling(Collection<String> ruleIds) {
		Set<LintRule> rules = EnumSet.noneOf(LintRule.class);
		for (String id : ruleIds) {
			String trimmed = id.strip();
			if (trimmed.isEmpty()) {
				continue;
			}
			LintRule rule = LintRule.byId(trimmed)
				.filter(LintRule::optIn)
				.orElseThrow(() -> new MigratorException(ErrorCode.UNKNOWN_LINT_RULE,
						"'" + trimmed + "' is not an opt-in lint rule, so it cannot be enabled. The opt-in rules are "
								+ optInIds() + "; every other rule is always on."));
			rules.add(rule);
		}
		return new LintSettings(rules);
	}

	boolean applies(LintRule rule) {
		return !rule.optIn() || this.enabled.contains(rule);
	}

	private static String optInIds() {
		return Arrays.stream(LintRule.values())
			.filter(LintRule::optIn)
			.map(LintRule::id)
			.collect(Collectors.joining(", "));
	}

}

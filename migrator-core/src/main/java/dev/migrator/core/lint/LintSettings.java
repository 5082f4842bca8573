package dev.migrator.core.lint;

import dev.migrator.core.error.ErrorCode;
import dev.migrator.core.error.MigratorException;
import dev.migrator.core.script.LintRule;

import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * How the linter is set up beyond its defaults: which opt-in (hygiene) rules are on, and
 * which PostgreSQL version the statements are judged for.
 *
 * @param enabled the opt-in rules to apply; the other rules always apply
 * @param postgresVersion the version configured; when empty, the connected server's, else
 * {@link PostgresVersion#OLDEST_ASSUMED}
 */
public record LintSettings(Set<LintRule> enabled, Optional<PostgresVersion> postgresVersion) {

	/** No opt-in rule enabled, no version configured. */
	public static final LintSettings DEFAULTS = new LintSettings(Set.of(), Optional.empty());

	public LintSettings {
		enabled = Set.copyOf(enabled);
		Objects.requireNonNull(postgresVersion, "postgresVersion");
	}

	/** These settings, judging for the given PostgreSQL version. */
	public LintSettings withPostgresVersion(PostgresVersion version) {
		return new LintSettings(this.enabled, Optional.of(version));
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
		return new LintSettings(rules, Optional.empty());
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

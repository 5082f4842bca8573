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
 * @param largeTableRows with a database at hand, the estimated row count above which a
 * statement whose lock lasts as long as the table takes to scan, rewrite or index is
 * reported with its rule's severity; at or below it, it is a note
 */
public record LintSettings(Set<LintRule> enabled, Optional<PostgresVersion> postgresVersion, long largeTableRows) {

	/**
	 * 10,000 rows: low on purpose. The estimate ({@code pg_class.reltuples}) lags behind
	 * a growing table and says nothing of row width or of the load the lock meets, and a
	 * finding wrongly kept an error costs an allow comment, while one wrongly made a note
	 * costs an outage.
	 */
	public static final long DEFAULT_LARGE_TABLE_ROWS = 10_000;

	/** No opt-in rule enabled, no version configured, the default large table. */
	public static final LintSettings DEFAULTS = new LintSettings(Set.of(), Optional.empty(), DEFAULT_LARGE_TABLE_ROWS);

	public LintSettings {
		enabled = Set.copyOf(enabled);
		Objects.requireNonNull(postgresVersion, "postgresVersion");
		if (largeTableRows < 0) {
			throw new MigratorException(ErrorCode.INVALID_CONFIGURATION,
					"The large-table row count cannot be negative (" + largeTableRows + ").");
		}
	}

	/** These settings, judging for the given PostgreSQL version. */
	public LintSettings withPostgresVersion(PostgresVersion version) {
		return new LintSettings(this.enabled, Optional.of(version), this.largeTableRows);
	}

	/** These settings, with another row count above which a table is large. */
	public LintSettings withLargeTableRows(long rows) {
		return new LintSettings(this.enabled, this.postgresVersion, rows);
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
		return new LintSettings(rules, Optional.empty(), DEFAULT_LARGE_TABLE_ROWS);
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

package dev.migrator.core.script;

import dev.migrator.core.error.ErrorCode;

import java.util.Locale;
import java.util.Optional;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a {@code -- migrator:allow RULE-ID reason} comment. The rule must be a known lint
 * rule and the reason must be given: an allowance nobody can explain later is a finding
 * silenced, not a decision recorded.
 */
final class AllowComment {

	/** The directive key, as written after {@code migrator:}. */
	static final String KEY = "allow";

	private static final Pattern ALLOW = Pattern.compile("\\s*--\\s*migrator:\\s*allow(?:\\s+(.*))?",
			Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

	private AllowComment() {
	}

	/**
	 * The allowance a {@code --} comment states; empty when the comment is not an allow
	 * directive.
	 * @param comment the comment from its {@code --} to the end of its line
	 * @param line the comment's line
	 * @param where names a line for error messages, such as
	 * {@code classpath:db/revisions/0003.sql:12}
	 */
	static Optional<Allowance> read(String comment, int line, IntFunction<String> where) {
		Matcher matcher = ALLOW.matcher(comment);
		if (!matcher.matches()) {
			return Optional.empty();
		}
		String value = (matcher.group(1) != null) ? matcher.group(1).strip() : "";
		int space = indexOfWhitespace(value);
		String ruleId = ((space < 0) ? value : value.substring(0, space)).toLowerCase(Locale.ROOT);
		String reason = (space < 0) ? "" : value.substring(space).strip();
		if (LintRule.byId(ruleId).isEmpty()) {
			String suggestion = ruleId.isEmpty() ? ""
					: SpellingSuggestion.closest(ruleId, LintRule.ids())
						.map((id) -> " Did you mean " + id + "?")
						.orElse("");
			String named = ruleId.isEmpty() ? "names no lint rule." : "names the unknown lint rule '" + ruleId + "'.";
			throw new RevisionSourceException(ErrorCode.UNKNOWN_LINT_RULE,
					where.apply(line) + ": -- migrator:allow " + named + suggestion
							+ " Write -- migrator:allow RULE-ID reason, where RULE-ID is one of "
							+ String.join(", ", LintRule.ids()) + ".");
		}
		if (reason.isEmpty()) {
			throw new RevisionSourceException(ErrorCode.ALLOW_WITHOUT_REASON,
					where.apply(line) + ": -- migrator:allow " + ruleId
							+ " gives no reason. Say after the rule id why the statement is safe here, as in "
							+ "-- migrator:allow " + ruleId + " the table has 40 rows.");
		}
		return Optional.of(new Allowance(ruleId, reason, line));
	}

	/**
	 * Whether a directive line inside a section is an allow comment rather than an
	 * unknown directive.
	 */
	static boolean isAllow(Directive directive) {
		return KEY.equals(directive.key());
	}

	private static int indexOfWhitespace(String value) {
		for (int i = 0; i < value.length(); i++) {
			if (Character.isWhitespace(value.charAt(i))) {
				return i;
			}
		}
		return -1;
	}

}

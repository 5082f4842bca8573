package dev.migrator.core.flyway;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Flyway's {@code ${name}} placeholders, replaced by the values the import is given, so
 * that the revisions hold the SQL Flyway ran. Flyway's checksums cover the text before
 * replacement.
 */
public final class FlywayPlaceholders {

	private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}\\n]+)}");

	private final Map<String, String> values;

	public FlywayPlaceholders(Map<String, String> values) {
		this.values = new TreeMap<>(values);
	}

	/**
	 * The text with every placeholder replaced.
	 * @param text a migration's text
	 * @return the text, or the first placeholder without a value
	 */
	public Result replace(String text) {
		Matcher matcher = PLACEHOLDER.matcher(text);
		StringBuilder replaced = new StringBuilder();
		while (matcher.find()) {
			String name = matcher.group(1);
			String value = this.values.get(name);
			if (value == null) {
				int line = (int) text.substring(0, matcher.start()).chars().filter((c) -> c == '\n').count() + 1;
				return new Result(Optional.empty(), Optional.of(new Unknown(name, line)));
			}
			matcher.appendReplacement(replaced, Matcher.quoteReplacement(value));
		}
		matcher.appendTail(replaced);
		return new Result(Optional.of(replaced.toString()), Optional.empty());
	}

	/**
	 * The replaced text, or the placeholder that has no value.
	 *
	 * @param text the replaced text, when every placeholder had a value
	 * @param unknown the first placeholder without one
	 */
	public record Result(Optional<String> text, Optional<Unknown> unknown) {
	}

	/**
	 * A placeholder without a value.
	 *
	 * @param name its name
	 * @param line the line it is on, from 1
	 */
	public record Unknown(String name, int line) {
	}

}

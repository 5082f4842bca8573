package dev.migrator.core.script;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code ${name}} placeholders in SQL text, replaced by configured values: those of
 * {@code migrator.placeholders} in revision files, and those Flyway was given when a
 * Flyway project is imported. The replacement is textual, as Flyway's: a placeholder is
 * replaced wherever it is, string literals and dollar-quoted bodies included, because
 * that is where a schema or role name is most often needed.
 */
public final class Placeholders {

	private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}\\n]+)}");

	private final Map<String, String> values;

	public Placeholders(Map<String, String> values) {
		this.values = new TreeMap<>(values);
	}

	/** No values: every placeholder is unknown. */
	public static Placeholders none() {
		return new Placeholders(Map.of());
	}

	/** The names that have a value, in order. */
	public Set<String> names() {
		return this.values.keySet();
	}

	/**
	 * The text with every placeholder replaced.
	 * @param text SQL text
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
	 * @param line the line of the text it is on, from 1
	 */
	public record Unknown(String name, int line) {
	}

}

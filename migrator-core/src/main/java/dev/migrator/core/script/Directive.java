package dev.migrator.core.script;

import dev.migrator.core.error.ErrorCode;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One {@code -- migrator:KEY VALUE} line of a SQL revision file.
 *
 * <p>
 * The spelling is tolerant: spaces may follow {@code --} and {@code migrator:}, and the
 * prefix and key are matched without regard to case. What follows the key must be
 * whitespace, then the value.
 *
 * @param name the key as written
 * @param value the value with surrounding whitespace removed; empty when none was written
 * @param at where the line is
 */
record Directive(String name, String value, Origin at) {

	private static final Pattern LINE = Pattern.compile("\\s*--\\s*migrator:\\s*(.*)",
			Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

	private static final Pattern KEY = Pattern.compile("([A-Za-z][A-Za-z0-9_-]*)(.*)", Pattern.DOTALL);

	/**
	 * A comment that starts with the word {@code migrator} but has no colon right after
	 * it: {@code -- migrator revises 0001}, {@code -- migrator :revision r1}.
	 */
	private static final Pattern NEAR_MISS = Pattern.compile(
			"\\s*--\\s*migrator(?![A-Za-z0-9_])(\\s*[:;=.,]?\\s*)([A-Za-z][A-Za-z0-9_-]*)?.*",
			Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

	/**
	 * Reads a line; empty when it is not a directive (an ordinary comment, SQL or a blank
	 * line).
	 * @throws RevisionSourceException when it is a directive without a key or with no
	 * space before its value
	 */
	static Optional<Directive> read(String line, Origin at) {
		Matcher directive = LINE.matcher(line);
		if (!directive.matches()) {
			requireNoNearMiss(line, at);
			return Optional.empty();
		}
		Matcher key = KEY.matcher(directive.group(1));
		if (!key.matches()) {
			throw new RevisionSourceException(ErrorCode.MALFORMED_HEADER,
					at + ": '" + line.strip() + "' has no key after 'migrator:'. Write a key and its value, such as "
							+ SqlHeaderKey.REVISION.exampleLine()
							+ ", or drop 'migrator:' if this is an ordinary comment.");
		}
		String name = key.group(1);
		String rest = key.group(2);
		if (!rest.isEmpty() && !Character.isWhitespace(rest.charAt(0))) {
			throw new RevisionSourceException(ErrorCode.MALFORMED_HEADER,
					at + ": '" + line.strip() + "' has '" + rest.charAt(0) + "' right after the key " + name
							+ ". Separate the key from its value with a " + "space, as in -- migrator:" + name
							+ " VALUE.");
		}
		return Optional.of(new Directive(name, rest.strip(), at));
	}

	/**
	 * A line meant as a directive but missing its colon would otherwise be an ordinary
	 * comment, and the revision would silently lose a parent or a section: it fails
	 * instead. A comment that merely mentions migrator ({@code -- migrator handles this})
	 * stays a comment: only a colon after a space, or a known key as the next word, make
	 * it a near miss.
	 */
	private static void requireNoNearMiss(String line, Origin at) {
		Matcher nearMiss = NEAR_MISS.matcher(line);
		if (!nearMiss.matches()) {
			return;
		}
		String separator = nearMiss.group(1);
		String word = (nearMiss.group(2) != null) ? nearMiss.group(2) : "";
		boolean knownKey = isKnownKey(word);
		if (!separator.contains(":") && !knownKey) {
			return;
		}
		String key = knownKey ? word.toLowerCase(Locale.ROOT) : "KEY";
		throw new RevisionSourceException(ErrorCode.MALFORMED_HEADER, at + ": '" + line.strip()
				+ "' looks like a directive but 'migrator' is not followed directly by ':'. Write -- migrator:" + key
				+ " VALUE (no space before the colon), or reword the comment so that it does not start with "
				+ "'migrator'.");
	}

	private static boolean isKnownKey(String word) {
		String lower = word.toLowerCase(Locale.ROOT);
		return SqlHeaderKey.of(lower).isPresent() || AllowComment.KEY.equals(lower)
				|| Arrays.stream(Direction.values()).anyMatch((direction) -> direction.label().equals(lower));
	}

	/** The key in lower case, as keys are compared. */
	String key() {
		return this.name.toLowerCase(Locale.ROOT);
	}

	/** The directive as written, without its value, for messages. */
	String written() {
		return "-- migrator:" + this.name;
	}

}

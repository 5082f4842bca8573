package dev.migrator.core.script;

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
	 * Reads a line; empty when it is not a directive (an ordinary comment, SQL or a blank
	 * line).
	 * @throws RevisionSourceException when it is a directive without a key or with no
	 * space before its value
	 */
	static Optional<Directive> read(String line, Origin at) {
		Matcher directive = LINE.matcher(line);
		if (!directive.matches()) {
			return Optional.empty();
		}
		Matcher key = KEY.matcher(directive.group(1));
		if (!key.matches()) {
			throw new RevisionSourceException("malformed-header",
					at + ": '" + line.strip() + "' has no key after 'migrator:'. Write a key and its value, such as "
							+ SqlHeaderKey.REVISION.exampleLine()
							+ ", or drop 'migrator:' if this is an ordinary comment.");
		}
		String name = key.group(1);
		String rest = key.group(2);
		if (!rest.isEmpty() && !Character.isWhitespace(rest.charAt(0))) {
			throw new RevisionSourceException("malformed-header",
					at + ": '" + line.strip() + "' has '" + rest.charAt(0) + "' right after the key " + name
							+ ". Separate the key from its value with a " + "space, as in -- migrator:" + name
							+ " VALUE.");
		}
		return Optional.of(new Directive(name, rest.strip(), at));
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

package dev.migrator.core.sql;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A database's error message with the row values it quotes and any secrets masked, for
 * the history table, the Actuator endpoint, metrics and logs. The SQLState and the
 * message's shape stay, so that {@code Key (email)=(ada@example.com) already exists}
 * reads {@code Key (email)=(…) already exists} and
 * {@code invalid input syntax for type integer: "ada@example.com"} reads
 * {@code invalid input syntax for type integer: "…"}. Names (of tables, columns,
 * constraints, roles) are not values and stay.
 */
public final class DatabaseMessageRedaction {

	/** What a row value is replaced with. */
	public static final String MASK = "…";

	private static final List<Replacement> VALUES = List.of(
			// Key (email)=(ada@example.com) already exists / is not present / is
			// duplicated / conflicts with existing key (...)=(...)
			new Replacement("(?im)(\\bkey \\((?:[^()]|\\([^()]*\\))*\\)=\\()(.*?)(\\)(?=\\s+(?:already exists|is not "
					+ "present|is still referenced|is duplicated|conflicts with)|\\.?\\s*(?:\\[SQLState|$)))"),
			// Failing row contains (1, ada@example.com, null).
			new Replacement("(?im)(\\bfailing row contains \\()(.*)(\\))"),
			// invalid input syntax for type integer: "ada", malformed array literal: "{",
			// COPY users, line 1, column id: "x": a value PostgreSQL quotes after a colon
			// at the end of its message.
			new Replacement("(?m)(:\\s*\")((?:[^\"]|\"\")*)(\"(?=\\.?\\s*(?:\\[SQLState|$)))"),
			// value "99999999999" is out of range for type integer
			new Replacement("(?i)(\\bvalue \")((?:[^\"]|\"\")*)(\" is out of range)"),
			// Token "ada" is invalid. (JSON)
			new Replacement("(?i)(\\btoken \")((?:[^\"]|\"\")*)(\" is invalid)"),
			// JSON data, line 1: {"email": "ada...
			new Replacement("(?im)(\\bJSON data, line \\d+: )(.*)()$"),
			// unnamed portal parameter $1 = '...'
			new Replacement("(?i)(\\bparameter \\$\\d+ = ')((?:[^']|'')*)(')"),
			// the driver's own: Bad value for type int : ada
			new Replacement("(?im)(\\bBad value for type [^:\\n]+ : )(.*)()$"));

	private DatabaseMessageRedaction() {
	}

	/** The message with row values and secrets masked; null stays null. */
	public static String redact(String message) {
		if (message == null) {
			return null;
		}
		String masked = SecretRedaction.text(message);
		for (Replacement replacement : VALUES) {
			masked = replacement.apply(masked);
		}
		return masked;
	}

	/** A pattern whose middle group is the value to mask. */
	private record Replacement(Pattern pattern) {

		Replacement(String regex) {
			this(Pattern.compile(regex));
		}

		String apply(String text) {
			return this.pattern.matcher(text)
				.replaceAll((match) -> Matcher.quoteReplacement(match.group(1) + MASK + match.group(3)));
		}

	}

}

package dev.migrator.core.sql;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads durations as people write them in revision headers: {@code 500ms}, {@code 2s},
 * {@code 5min}, {@code 1h}, PostgreSQL's spellings, and ISO-8601 ({@code PT2S}).
 */
public final class DurationText {

	private static final Pattern SIMPLE = Pattern.compile("(\\d+)\\s*(ms|s|sec|min|m|h|d)?");

	private DurationText() {
	}

	/**
	 * Parses the text; the exception's message says what forms are accepted.
	 * @throws IllegalArgumentException when the text is not a duration
	 * @throws ArithmeticException when it is one, but longer than a {@link Duration} (or
	 * its number than a long) holds
	 */
	public static Duration parse(String text) {
		String value = text.trim().toLowerCase(Locale.ROOT);
		Matcher matcher = SIMPLE.matcher(value);
		if (matcher.matches()) {
			long amount;
			try {
				amount = Long.parseLong(matcher.group(1));
			}
			catch (NumberFormatException ex) {
				throw new ArithmeticException("'" + text + "' is too long to be a duration");
			}
			String unit = (matcher.group(2) != null) ? matcher.group(2) : "ms";
			return switch (unit) {
				case "ms" -> Duration.ofMillis(amount);
				case "s", "sec" -> Duration.ofSeconds(amount);
				case "min", "m" -> Duration.ofMinutes(amount);
				case "h" -> Duration.ofHours(amount);
				case "d" -> Duration.ofDays(amount);
				default -> throw invalid(text);
			};
		}
		try {
			return Duration.parse(text.trim().toUpperCase(Locale.ROOT));
		}
		catch (DateTimeParseException ex) {
			throw invalid(text);
		}
	}

	/**
	 * Writes a duration the way headers accept it back, in the largest unit that keeps it
	 * whole: 500ms, 2s, 5min.
	 */
	public static String format(Duration duration) {
		long millis = duration.toMillis();
		if (millis % 3_600_000 == 0 && millis != 0) {
			return (millis / 3_600_000) + "h";
		}
		if (millis % 60_000 == 0 && millis != 0) {
			return (millis / 60_000) + "min";
		}
		if (millis % 1000 == 0 && millis != 0) {
			return (millis / 1000) + "s";
		}
		return millis + "ms";
	}

	private static IllegalArgumentException invalid(String text) {
		return new IllegalArgumentException("'" + text
				+ "' is not a duration: write a whole number with a unit, such as 500ms, 2s, 5min or 1h (or ISO-8601 such as PT2S)");
	}

}

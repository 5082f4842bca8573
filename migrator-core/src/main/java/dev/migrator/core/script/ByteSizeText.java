package dev.migrator.core.script;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads byte sizes as PostgreSQL writes them in its settings: a whole number and a unit,
 * {@code 512kB}, {@code 16MB}, {@code 1GB}, in steps of 1024. The unit is required, so
 * that a size is never mistaken for a duration or a count.
 */
public final class ByteSizeText {

	private static final Pattern SIZE = Pattern.compile("(\\d+)\\s*(b|kb|mb|gb|tb)");

	private ByteSizeText() {
	}

	/** Whether the text has the form of a size, whatever its magnitude. */
	public static boolean looksLikeSize(String text) {
		return SIZE.matcher(text.trim().toLowerCase(Locale.ROOT)).matches();
	}

	/**
	 * Parses the text.
	 * @throws IllegalArgumentException when it is not a size
	 * @throws ArithmeticException when it is one, but larger than a long holds
	 */
	public static long parse(String text) {
		Matcher matcher = SIZE.matcher(text.trim().toLowerCase(Locale.ROOT));
		if (!matcher.matches()) {
			throw new IllegalArgumentException(
					"'" + text + "' is not a size: write a whole number with a unit, such " + "as 512kB, 16MB or 1GB");
		}
		long amount;
		try {
			amount = Long.parseLong(matcher.group(1));
		}
		catch (NumberFormatException ex) {
			throw new ArithmeticException("'" + text + "' is too large to be a size");
		}
		int shift = switch (matcher.group(2)) {
			case "kb" -> 10;
			case "mb" -> 20;
			case "gb" -> 30;
			case "tb" -> 40;
			default -> 0;
		};
		if (shift > 0 && amount > (Long.MAX_VALUE >> shift)) {
			throw new ArithmeticException("'" + text + "' is too large to be a size");
		}
		return amount << shift;
	}

}

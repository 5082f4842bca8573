package dev.migrator.maven;

import dev.migrator.core.error.ErrorCode;

import dev.migrator.core.config.ChecksumPolicy;
import dev.migrator.core.error.MigratorException;
import dev.migrator.core.sql.DurationText;

import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One setting as written in application.properties or a {@code -D} user property, read as
 * the type the starter binds it to: durations such as {@code 2s} or {@code PT2S}, sizes
 * such as {@code 64MB} (binary multiples, as Spring Boot's {@code DataSize}),
 * {@code true}/{@code false}, whole numbers, and the checksum policy's names in any case.
 * A value that is none of these fails with the key, so that the message says which line
 * to fix.
 *
 * @param key the key, in its kebab-case form, such as {@code migrator.lock-timeout}
 * @param value the value, placeholders resolved
 */
record Setting(String key, String value) {

	private static final Pattern SIZE = Pattern.compile("(\\d+)\\s*(B|KB|MB|GB|TB)?", Pattern.CASE_INSENSITIVE);

	Duration duration() {
		try {
			return DurationText.parse(this.value);
		}
		catch (IllegalArgumentException | ArithmeticException ex) {
			throw invalid(ex.getMessage());
		}
	}

	long bytes() {
		Matcher matcher = SIZE.matcher(this.value.strip());
		if (!matcher.matches()) {
			throw invalid("'" + this.value + "' is not a size: write a whole number of bytes with a unit, such as "
					+ "64MB, 512KB or 1GB");
		}
		String unit = (matcher.group(2) != null) ? matcher.group(2).toUpperCase(Locale.ROOT) : "B";
		int shift = switch (unit) {
			case "KB" -> 10;
			case "MB" -> 20;
			case "GB" -> 30;
			case "TB" -> 40;
			default -> 0;
		};
		try {
			return Math.multiplyExact(Long.parseLong(matcher.group(1)), 1L << shift);
		}
		catch (ArithmeticException | NumberFormatException ex) {
			throw invalid("'" + this.value + "' is too large a size");
		}
	}

	boolean flag() {
		return switch (this.value.strip().toLowerCase(Locale.ROOT)) {
			case "true" -> true;
			case "false" -> false;
			default -> throw invalid("'" + this.value + "' is neither true nor false");
		};
	}

	int number() {
		try {
			return Integer.parseInt(this.value.strip());
		}
		catch (NumberFormatException ex) {
			throw invalid("'" + this.value + "' is not a whole number");
		}
	}

	ChecksumPolicy checksumPolicy() {
		String name = this.value.strip().toUpperCase(Locale.ROOT).replace('-', '_');
		return Arrays.stream(ChecksumPolicy.values())
			.filter((policy) -> policy.name().equals(name))
			.findFirst()
			.orElseThrow(() -> invalid("'" + this.value + "' is not a checksum policy: write one of "
					+ Arrays.stream(ChecksumPolicy.values())
						.map((policy) -> policy.name().toLowerCase(Locale.ROOT))
						.collect(Collectors.joining(", "))));
	}

	private MigratorException invalid(String reason) {
		return new MigratorException(ErrorCode.INVALID_CONFIGURATION, this.key + ": " + reason + ".");
	}

}
